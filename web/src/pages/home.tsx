/**
 * @module
 * The home page: a short lead, what peer support is (folded), and the
 * directory of supporters on the first screen. The directory is asked for
 * as the script starts, beside the relay's settings (`mount`), not after
 * the first render.
 */
import '../i18n/doctor';
import { AboutService } from '../doctor/about-service';
import { Directory } from '../doctor/directory';
import { loadDirectory } from '../doctor/use-directory';
import { t } from '../i18n';
import { mount, Page } from '../ui';

// A failure is shown by the directory, which asks again.
loadDirectory().catch(() => {});

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
