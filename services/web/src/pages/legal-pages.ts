import { html, type Page, type PageContext, type SafeHtml } from '@qn/web-ui';

/**
 * Imprint (§ 5 DDG, § 18 MStV), privacy notice (Art. 13 DSGVO) and accessibility statement
 * (BITV 2.0 § 7) from the configured office details. Long-form legal prose lives here, in both
 * languages side by side, rather than as dozens of dictionary keys.
 */
function contact(ctx: PageContext): SafeHtml {
  const o = ctx.office;
  return html`<address>
    ${o.name}<br />${o.address}<br />
    ${ctx.lang === 'de' ? 'Telefon' : 'Phone'}: ${o.phone}<br />
    ${ctx.lang === 'de' ? 'E-Mail' : 'Email'}: <a href="mailto:${o.email}">${o.email}</a>
  </address>`;
}

export function imprintPage(ctx: PageContext): Page {
  const title = ctx.t('footer.imprint');
  const body =
    ctx.lang === 'de'
      ? html`<h1>${title}</h1>
          <h2>Anbieter</h2>
          ${contact(ctx)}
          <p>
            Der Landkreis Esslingen ist eine Körperschaft des öffentlichen Rechts. Er wird vertreten durch den
            Landrat.
          </p>
          <h2>Verantwortlich für den Inhalt</h2>
          <p>
            Verantwortlich nach § 18 Abs. 2 Medienstaatsvertrag: die Leitung der Koordination Quartier,
            Anschrift wie oben.
          </p>
          <h2>Haftung für Links</h2>
          <p>
            Dieses Angebot enthält Links zu Förderprogrammen und Veranstaltungsorten anderer Anbieter. Für
            deren Inhalte sind die jeweiligen Anbieter verantwortlich.
          </p>`
      : html`<h1>${title}</h1>
          <h2>Provider</h2>
          ${contact(ctx)}
          <p>
            Esslingen County is a public-law corporation represented by the District Administrator (Landrat).
          </p>
          <h2>Responsible for the content</h2>
          <p>
            Responsible under § 18 (2) of the German Interstate Media Treaty: the head of the neighbourhood
            coordination office, address as above.
          </p>
          <h2>Links</h2>
          <p>
            This service links to funding programmes and venues of other providers, who are responsible for
            their content.
          </p>`;
  return { title, section: 'legal', body };
}

export function privacyPage(ctx: PageContext, opts: { eventRetentionDays: number }): Page {
  const days = opts.eventRetentionDays;
  const title = ctx.t('footer.privacy');
  const o = ctx.office;
  const body =
    ctx.lang === 'de'
      ? html`<h1>${title}</h1>
          <h2>Verantwortliche Stelle</h2>
          ${contact(ctx)}
          <h2>Datenschutzbeauftragte Person</h2>
          <p>${o.dpoContact}</p>
          <h2>Welche Daten wir wofür verarbeiten</h2>
          <ul>
            <li>
              <strong>Anmeldung zu Veranstaltungen:</strong> Name, E-Mail-Adresse, Organisation und Ihre
              freiwilligen Angaben (z. B. Barrierefreiheitsbedarf), um die Veranstaltung zu organisieren und
              Sie zu informieren (Art. 6 Abs. 1 lit. e DSGVO, bei freiwilligen Angaben Art. 6 Abs. 1 lit. a
              und Art. 9 Abs. 2 lit. a DSGVO). Wir löschen die Daten, sobald sie für die Veranstaltung und
              ihre Nachbereitung nicht mehr gebraucht werden.
            </li>
            <li>
              <strong>Benachrichtigungen zu Förderprogrammen und Newsletter:</strong> E-Mail-Adresse und
              gewählte Themen, nur nach Bestätigung Ihrer Einwilligung per E-Mail (Double-Opt-in, Art. 6 Abs.
              1 lit. a DSGVO). Sie können sich mit dem Link in jeder Nachricht jederzeit abmelden.
            </li>
            <li>
              <strong>Konsole für Organisierende:</strong> E-Mail-Adresse und Sitzungsdaten zur Anmeldung
              (Art. 6 Abs. 1 lit. e DSGVO).
            </li>
          </ul>
          <h2>Cookies</h2>
          <p>
            Wir setzen nur technisch notwendige Cookies: die gewählte Sprache, ein Schutz gegen gefälschte
            Formulare und – nach der Anmeldung – Ihre Sitzung. Es gibt keine Analyse- oder Werbe-Cookies und
            keine Inhalte von Dritten.
          </p>
          <h2>Persönliche Links in unseren E-Mails</h2>
          <ul>
            <li>
              Der Link zur Verwaltung einer Veranstaltungsanmeldung gilt, bis wir die Anmeldung anonymisieren
              (${days} Tage nach dem Ende der Veranstaltung); danach öffnet er nichts mehr.
            </li>
            <li>
              Der Abmeldelink in jedem Newsletter und jeder Benachrichtigung wirkt immer: Abmelden soll nie an
              einem alten Link scheitern. Ihre Angaben zum Newsletter zeigt und ändert er nur, solange Sie
              angemeldet sind; nach der Abmeldung öffnet er sie nicht mehr.
            </li>
            <li>
              Ein Link zum Bestätigen eines Abonnements gilt nur in seiner neuesten Fassung; ein Anmeldelink
              zur Konsole gilt 15 Minuten, eine Einladung 7 Tage, beide nur einmal.
            </li>
            <li>
              Die Adresse Ihres persönlichen Kalender-Abos gilt, bis Sie sie auf der Seite „Alle meine
              Anmeldungen“ durch eine neue ersetzen.
            </li>
          </ul>
          <p>
            Geben Sie E-Mails mit diesen Links nicht weiter. Ist ein Link in falsche Hände geraten, schreiben
            Sie uns: Wir ändern oder löschen die Anmeldung für Sie.
          </p>
          <h2>Empfänger</h2>
          <p>
            Die Daten einer Veranstaltung sieht die veranstaltende Organisation. Nachrichten versenden wir
            über unseren eigenen Mailserver. Eine Übermittlung in Drittländer findet nicht statt.
          </p>
          <h2>Ihre Rechte</h2>
          <p>
            Sie haben das Recht auf Auskunft (Art. 15 DSGVO), Berichtigung (Art. 16), Löschung (Art. 17),
            Einschränkung der Verarbeitung (Art. 18), Datenübertragbarkeit (Art. 20) und Widerspruch (Art.
            21). Eine Einwilligung können Sie jederzeit mit Wirkung für die Zukunft widerrufen. Schreiben Sie
            dazu an <a href="mailto:${o.email}">${o.email}</a>.
          </p>
          <p>
            Falsche Angaben berichtigen Sie selbst: Name, Organisation und Hinweise zur Barrierefreiheit einer
            Anmeldung über den persönlichen Link in Ihrer Anmeldebestätigung, Ihre Angaben zum Newsletter über
            den Abmeldelink in jedem Newsletter. Für den Förderprogramm-Alarm speichern wir nur Ihre Adresse.
            Eine neue E-Mail-Adresse tragen Sie ein, indem Sie sich ab- und neu anmelden.
          </p>
          <p><a href="/datenschutz/anfrage">${ctx.t('pr.link')}</a></p>
          <p>
            Sie können sich außerdem beim Landesbeauftragten für den Datenschutz und die Informationsfreiheit
            Baden-Württemberg beschweren.
          </p>`
      : html`<h1>${title}</h1>
          <h2>Controller</h2>
          ${contact(ctx)}
          <h2>Data protection officer</h2>
          <p>${o.dpoContact}</p>
          <h2>What we process and why</h2>
          <ul>
            <li>
              <strong>Event registration:</strong> name, email address, organisation and what you choose to
              tell us (e.g. accessibility needs), to organise the event and keep you informed (Art. 6(1)(e)
              GDPR; for voluntary details Art. 6(1)(a) and Art. 9(2)(a) GDPR). We delete them once they are no
              longer needed for the event and its follow-up.
            </li>
            <li>
              <strong>Funding alerts and newsletter:</strong> email address and chosen topics, only after you
              confirm your consent by email (double opt-in, Art. 6(1)(a) GDPR). Every message has a link to
              unsubscribe at any time.
            </li>
            <li>
              <strong>Console for organisers:</strong> email address and session data to sign in (Art. 6(1)(e)
              GDPR).
            </li>
          </ul>
          <h2>Cookies</h2>
          <p>
            We only set technically necessary cookies: your chosen language, a protection against forged forms
            and, after signing in, your session. There are no analytics or advertising cookies and no
            third-party content.
          </p>
          <h2>Personal links in our emails</h2>
          <ul>
            <li>
              The link for managing an event registration works until we anonymise the registration (${days}
              days after the event ends); after that it opens nothing.
            </li>
            <li>
              The unsubscribe link in every newsletter and alert always works: unsubscribing should never fail
              because of an old link. It shows and changes your newsletter details only while you are
              subscribed; after unsubscribing it no longer opens them.
            </li>
            <li>
              A link confirming a subscription works only in its newest version; a sign-in link to the console
              works for 15 minutes, an invitation for 7 days, each only once.
            </li>
            <li>
              The address of your personal calendar subscription works until you replace it with a new one on
              the “All my registrations” page.
            </li>
          </ul>
          <p>
            Do not forward emails with these links. If a link has fallen into the wrong hands, write to us and
            we will change or delete the registration for you.
          </p>
          <h2>Recipients</h2>
          <p>
            The organisation running an event sees its registrations. We send messages through our own mail
            server. No data is transferred to third countries.
          </p>
          <h2>Your rights</h2>
          <p>
            You have the right of access (Art. 15 GDPR), rectification (Art. 16), erasure (Art. 17),
            restriction (Art. 18), data portability (Art. 20) and to object (Art. 21). You can withdraw
            consent at any time with effect for the future. Write to
            <a href="mailto:${o.email}">${o.email}</a>.
          </p>
          <p>
            You correct wrong details yourself: the name, organisation and accessibility needs of a
            registration through the personal link in its confirmation, your newsletter details through the
            unsubscribe link in every newsletter. For funding alerts we store only your address. To use a new
            email address, unsubscribe and sign up again.
          </p>
          <p><a href="/datenschutz/anfrage">${ctx.t('pr.link')}</a></p>
          <p>
            You may also lodge a complaint with the State Commissioner for Data Protection and Freedom of
            Information of Baden-Württemberg.
          </p>`;
  return { title, section: 'legal', body };
}

export function accessibilityPage(ctx: PageContext): Page {
  const title = ctx.t('footer.accessibility');
  const o = ctx.office;
  const body =
    ctx.lang === 'de'
      ? html`<h1>Erklärung zur Barrierefreiheit</h1>
          <p>
            ${o.name} ist bemüht, dieses Angebot im Einklang mit der
            Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) barrierefrei zugänglich zu machen. Maßstab
            ist WCAG 2.1 auf Stufe AA.
          </p>
          <h2>Stand der Vereinbarkeit</h2>
          <p>
            Alle Seiten werden bei jeder Änderung automatisch in einem echten Browser mit axe-core auf
            Verstöße gegen WCAG 2.1 A und AA geprüft. Alle Formulare funktionieren ohne JavaScript und mit der
            Tastatur.
          </p>
          <h2>Barriere melden</h2>
          <p>
            Wenn Ihnen eine Barriere auffällt, schreiben Sie uns: <a href="mailto:${o.email}">${o.email}</a>,
            Telefon ${o.phone}.
          </p>
          <h2>Schlichtungsverfahren</h2>
          <p>
            Wenn Sie mit unserer Antwort nicht zufrieden sind, können Sie sich an die Ombudsstelle für
            barrierefreie Informationstechnik bei der Landes-Behindertenbeauftragten Baden-Württemberg wenden.
          </p>`
      : html`<h1>Accessibility statement</h1>
          <p>
            ${o.name} strives to make this service accessible in accordance with the German accessibility
            regulation BITV 2.0. The standard is WCAG 2.1 level AA.
          </p>
          <h2>Compliance status</h2>
          <p>
            Every page is checked automatically with axe-core in a real browser for WCAG 2.1 A and AA
            violations on every change. All forms work without JavaScript and by keyboard.
          </p>
          <h2>Report a barrier</h2>
          <p>
            If you come across a barrier, write to us: <a href="mailto:${o.email}">${o.email}</a>, phone
            ${o.phone}.
          </p>
          <h2>Conciliation</h2>
          <p>
            If you are not satisfied with our answer, you can turn to the ombuds office for accessible
            information technology of the Baden-Württemberg state commissioner for people with disabilities.
          </p>`;
  return { title, section: 'legal', body };
}
