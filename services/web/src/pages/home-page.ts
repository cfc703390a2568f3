import { html, type Page, type PageContext } from '@qn/web-ui';

export function homePage(ctx: PageContext): Page {
  const { t } = ctx;
  const card = (href: string, title: string, text: string) =>
    html`<li class="card">
      <h2><a href="${href}">${title}</a></h2>
      <p>${text}</p>
    </li>`;
  return {
    title: t('home.title'),
    section: 'home',
    body: html`<h1>${t('home.title')}</h1>
      <p class="lead">${t('home.intro')}</p>
      <ul class="cards">
        ${card('/veranstaltungen', t('home.events.title'), t('home.events.text'))}
        ${card('/foerderprogramme', t('home.funding.title'), t('home.funding.text'))}
        ${card('/newsletter', t('home.newsletter.title'), t('home.newsletter.text'))}
        ${card(ctx.principal ? '/konsole' : '/anmelden', t('home.console.title'), t('home.console.text'))}
      </ul>`,
  };
}
