/**
 * @module
 * What peer support is and is not, and how privacy is protected: three
 * short cards, folded behind one summary on the home page (one tap away) and
 * open above the form on the compose page.
 */
import { type MessageKey, t } from '../i18n';
import { Card, Disclosure } from '../ui';

const SECTIONS: { id: string; title: MessageKey; items: MessageKey[] }[] = [
  {
    id: 'about-is',
    title: 'home.is.title',
    items: [
      'home.is.colleague',
      'home.is.confidential',
      'home.is.conversations',
      'home.is.meeting',
      'home.is.choice',
    ],
  },
  {
    id: 'about-not',
    title: 'home.not.title',
    items: ['home.not.treatment', 'home.not.consent', 'home.not.emergency'],
  },
  {
    id: 'about-privacy',
    title: 'home.privacy.title',
    items: [
      'home.privacy.encrypted',
      'home.privacy.relay',
      'home.privacy.account',
      'home.privacy.code',
    ],
  },
];

export function AboutService({ open = false }: { open?: boolean }) {
  return (
    <Disclosure class="doctor-about" summary={t('home.about.summary')} open={open}>
      <div class="doctor-explain">
        {SECTIONS.map(({ id, title, items }) => (
          <Card key={id} as="section" aria-labelledby={id}>
            <h2 id={id}>{t(title)}</h2>
            <ul>
              {items.map((key) => (
                <li key={key}>{t(key)}</li>
              ))}
            </ul>
          </Card>
        ))}
      </div>
    </Disclosure>
  );
}
