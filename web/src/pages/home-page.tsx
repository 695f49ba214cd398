/**
 * @module
 * The home page: a short lead, what peer support is (folded), and the
 * directory of supporters on the first screen. The directory was asked for
 * by the page's entry (./home.tsx) before this code arrived.
 */
import '../i18n/doctor';
import { AboutService } from '../doctor/about-service';
import { Directory } from '../doctor/directory';
import { t } from '../i18n';
import { mount, Page } from '../ui';

function Home() {
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p class="lead">{t('home.lead')}</p>
      <AboutService />
      <Directory />
    </>
  );
}

mount(() => (
  <Page role="doctor" title="title.home">
    <Home />
  </Page>
));
