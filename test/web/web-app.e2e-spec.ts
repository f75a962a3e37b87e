import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import { startTestApi, TestApi } from '../support/test-api';
import { accessibilityViolations, ensureWebBuild, launchBrowser, ROOT, screenshot, TestBrowser } from './support/browser';
import { ASSESSMENT_ITEMS, webScenario, WebScenario } from './support/web-scenario';

/** A person's way through the web app in Debian's chromium: sign-in, the board, a review, a conflict, the other pages. */
describe('web app in the browser', () => {
  let api: TestApi;
  let browser: TestBrowser;
  let page: Page;
  let base: string;
  let scenario: WebScenario;
  let coordinatorToken: string;

  beforeAll(async () => {
    ensureWebBuild();
    api = await startTestApi();
    await api.app.listen(0, '127.0.0.1');
    base = (await api.app.getUrl()).replace('[::1]', '127.0.0.1');
    [scenario, browser] = await Promise.all([webScenario(api), launchBrowser()]);
    coordinatorToken = await api.tokenFor({ userId: 'u-petra', displayName: 'Petra Koordination', roles: [`coordinator@${scenario.networkId}`] });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  const title = (text: string) => page.getByRole('heading', { level: 1, name: text, exact: true }).waitFor();
  const expectAccessible = async () => expect(await accessibilityViolations(page)).toEqual([]);
  const activeName = () => page.evaluate('document.activeElement && document.activeElement.getAttribute("name")');
  const goalCard = (goalId: string) => page.locator(`[data-goal-id="${goalId}"]`);
  const mainNav = () => page.getByRole('navigation', { name: 'Hauptnavigation' });
  /** Today in the browser's time zone, the day its forms send. */
  const browserToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
  const roundTitle = () => `Selbstbewertung vom 01.09.${new Date().getUTCFullYear() - 1}`;
  const openRound = async () => {
    await mainNav().getByRole('link', { name: 'Selbstbewertung' }).click();
    await title('Selbstbewertung');
    await page.locator(`tr[data-assessment-id="${scenario.assessmentId}"]`).getByRole('link').click();
    await title(roundTitle());
  };

  it('serves the app at / and on its own paths, with a Content-Security-Policy, and leaves /api to the api', async () => {
    const index = await fetch(`${base}/n/some/page`, { headers: { accept: 'text/html' } });
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<div id="root">');
    expect(index.headers.get('content-security-policy')).toEqual(expect.stringContaining("script-src 'self'"));
    const unknownApi = await fetch(`${base}/api/v1/nothing-here`, { headers: { accept: 'text/html' } });
    expect(unknownApi.status).toBe(404);
    expect(unknownApi.headers.get('content-type')).toContain('application/problem+json');
    expect(await (await fetch(`${base}/web-config.json`)).json()).toEqual({ authMode: 'embedded', rolesClaim: 'kreislauf_roles', oidc: null });
  });

  it('signs in with a pasted token and shows the cycle board: phases, goal tree, progress, reviews due', async () => {
    await page.goto(`${base}/`);
    await title('Anmelden');
    await expectAccessible();
    await screenshot(page, 'sign-in');

    await page.getByLabel('Zugangsschlüssel').fill('kein token');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expect(page.getByText('Das ist kein gültiger Zugangsschlüssel').isVisible()).resolves.toBe(true);

    await page.getByLabel('Zugangsschlüssel').fill(coordinatorToken);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL(`${base}/n/${scenario.networkId}`);
    await title('Zyklusübersicht');
    await page.getByText('Netzwerk Frühe Hilfen Musterstadt').first().waitFor();

    const current = page.locator('.phases [aria-current="step"]');
    await expect(current.textContent()).resolves.toContain('Zielkonkretisierung und Umsetzung');
    await expect(goalCard(scenario.strategicId).textContent()).resolves.toContain('Familien früh erreichen');
    await expect(goalCard(scenario.reviewedId).getByRole('progressbar').getAttribute('aria-valuetext')).resolves.toMatch(/^50\s%$/);
    await expect(goalCard(scenario.overdueId).textContent()).resolves.toContain('überfällig');
    await expect(page.locator('#overdue-title + ul').textContent()).resolves.toContain('Elterncafés in allen Stadtteilen anbieten');
    await expectAccessible();
    const board = await screenshot(page, 'cycle-board');
    mkdirSync(join(ROOT, 'docs'), { recursive: true });
    copyFileSync(board, join(ROOT, 'docs/cycle-board.png'));
  });

  it('switches to English and back, with dates in the locale', async () => {
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await title('Cycle board');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(page.locator('.phase-current .phase-state').textContent()).resolves.toMatch(/since \d{2}\/\d{2}\/\d{4}/);
    await page.getByRole('button', { name: 'Auf Deutsch umschalten' }).click();
    await title('Zyklusübersicht');
    await expect(page.locator('.phase-current .phase-state').textContent()).resolves.toMatch(/seit \d{2}\.\d{2}\.\d{4}/);
  });

  it('records a review by keyboard, shows the checks of the form and the api next to the fields, and the board shows it', async () => {
    await page.getByRole('link', { name: 'Elterncafés in allen Stadtteilen anbieten' }).first().click();
    await title('Elterncafés in allen Stadtteilen anbieten');
    await expect(page.getByRole('img', { name: /Messwerte von „Stadtteile mit Elterncafé“/ }).isVisible()).resolves.toBe(true);
    await expect(page.locator('.timeline').textContent()).resolves.toContain('Ziel festgelegt');

    // From the date of the review, Tab leads through the form's fields to its button.
    await page.getByLabel('Datum der Überprüfung').focus();
    for (let step = 0; step < 5 && (await activeName()) !== 'assessment'; step++) await page.keyboard.press('Tab');
    expect(await activeName()).toBe('assessment');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByLabel('Einschätzung').inputValue()).resolves.toBe('on_track');
    await page.keyboard.press('Tab');
    expect(await activeName()).toBe('evidence');
    await page.keyboard.press('Tab');
    expect(await activeName()).toBe('decisionId');
    await page.keyboard.press('Tab');
    await expect(page.evaluate('document.activeElement.textContent')).resolves.toBe('Überprüfung speichern');
    await page.keyboard.press('Enter');
    const evidenceError = page.locator('#review-form .field-error[data-field="evidence"]');
    await expect(evidenceError.textContent()).resolves.toBe('Bitte ausfüllen.');
    await expect(page.getByLabel('Belege').getAttribute('aria-invalid')).resolves.toBe('true');

    // Text PostgreSQL cannot store passes the form's checks; the api's 400 names the field, shown beside it.
    await page.getByLabel('Belege').fill('Protokoll\u0000');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(evidenceError.textContent()).resolves.toContain('must not contain NUL characters');

    await page.getByLabel('Belege').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Elterncafés laufen in zwei von drei Stadtteilen.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('Die Überprüfung ist gespeichert.').waitFor();
    await page.locator('.timeline-GoalReviewed', { hasText: 'auf Kurs: Elterncafés laufen in zwei von drei Stadtteilen.' }).waitFor();
    await expect(page.locator('.timeline-GoalReviewed').first().textContent()).resolves.toContain('Petra Koordination (Netzwerkkoordination)');
    await expectAccessible();
    await screenshot(page, 'goal');

    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Zyklus' }).click();
    await title('Zyklusübersicht');
    await expect(goalCard(scenario.overdueId).textContent()).resolves.toContain('auf Kurs');
    await expect(goalCard(scenario.overdueId).textContent()).resolves.not.toContain('überfällig');
    await expect(page.locator('#overdue-title + ul').textContent()).resolves.not.toContain('Elterncafés in allen Stadtteilen anbieten');
  });

  it('tells the person when someone else changed the goal (409), shows what changed, and saves on the new state', async () => {
    await page.goto(`${base}/n/${scenario.networkId}/goals/${scenario.reviewedId}`);
    await title('Wartezeit auf Familienhebammen verkürzen');
    await page.getByLabel('Einschätzung').selectOption('at_risk');
    await page.getByLabel('Belege').fill('Die Wartezeit steigt wieder.');

    const other = await api.tokenFor({ userId: 'u-jonas', displayName: 'Jonas Steuerung', roles: [`steering@${scenario.networkId}`] });
    const today = new Date().toISOString().slice(0, 10);
    await api
      .anonymous()
      .post(`/api/v1/goals/${scenario.reviewedId}/measurements`)
      .auth(other, { type: 'bearer' })
      .send({ indicatorKey: 'waiting_days', value: 21, measuredOn: today, source: 'Statistik des Gesundheitsamts' })
      .expect(200);

    await page.getByRole('button', { name: 'Überprüfung speichern' }).click();
    const conflict = page.getByTestId('conflict');
    await conflict.waitFor();
    const text = await conflict.textContent();
    expect(text).toContain('Jemand anderes hat dieses Ziel inzwischen geändert.');
    expect(text).toContain('Indikator „Wartezeit“, letzter Wert: vorher 28, jetzt 21');
    expect(text).toContain('Messwert erfasst');
    expect(text).toContain('Jonas Steuerung');
    await expectAccessible();
    await screenshot(page, 'conflict');

    await conflict.getByRole('button', { name: 'Mit dem neuen Stand erneut speichern' }).click();
    await page.getByText('Die Überprüfung ist gespeichert.').waitFor();
    await expect(page.getByTestId('conflict').count()).resolves.toBe(0);
    await page.locator('.timeline-GoalReviewed', { hasText: 'gefährdet: Die Wartezeit steigt wieder.' }).waitFor();
  });

  it('shows the goal as the api reads it and, in its history, what an adjustment changed, each field before and after', async () => {
    const steering = await api.tokenFor({ userId: 'u-jonas', displayName: 'Jonas Steuerung', roles: [`steering@${scenario.networkId}`] });
    const adjusted = await api
      .anonymous()
      .post(`/api/v1/goals/${scenario.reviewedId}/reorientations`)
      .auth(steering, { type: 'bearer' })
      .send({ decision: 'adjust', rationale: 'Enger begleiten', reorientedOn: new Date().toISOString().slice(0, 10), changes: { reviewIntervalDays: 60 } })
      .expect(200);
    await api.http().get(`/api/v1/goals/${scenario.reviewedId}/history?after=${adjusted.body.position}`).expect(200);

    await page.goto(`${base}/n/${scenario.networkId}/goals/${scenario.reviewedId}`);
    await title('Wartezeit auf Familienhebammen verkürzen');
    const entry = page.locator('.timeline-GoalReoriented', { hasText: 'Überprüfungsintervall: vorher 90, jetzt 60' });
    await entry.waitFor();
    const text = await entry.textContent();
    expect(text).toContain('Ziel neu ausgerichtet');
    expect(text).toContain('Begründung: Enger begleiten');
    expect(text).toContain('Jonas Steuerung');
    await expect(page.locator('.facts').textContent()).resolves.toContain('Überprüfung alle 60 Tage');
    await expectAccessible();
  });

  it('shows organisations, bodies with a meeting and its decisions, and the offer landscape with gaps and duplicates', async () => {
    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    await nav.getByRole('link', { name: 'Organisationen' }).click();
    await title('Organisationen');
    await expect(page.getByRole('heading', { name: 'Familienzentrum Nord' }).isVisible()).resolves.toBe(true);
    await expectAccessible();
    await screenshot(page, 'organisations');

    await nav.getByRole('link', { name: 'Gremien' }).click();
    await title('Gremien');
    await page.getByRole('link', { name: 'Steuerungsgruppe Frühe Hilfen' }).click();
    await title('Steuerungsgruppe Frühe Hilfen');
    await expectAccessible();
    await page.getByRole('link', { name: /Steuerungsgruppe: Leitbild und Ziele/ }).click();
    await title('Steuerungsgruppe: Leitbild und Ziele');
    await page.getByLabel('Wortlaut des Beschlusses').fill('Die Steuerungsgruppe beschließt ein drittes Elterncafé in Süd.');
    await page.getByLabel('Gegenstand').selectOption('goal_reorientation');
    await page.getByRole('button', { name: 'Beschluss speichern' }).click();
    await page.locator('#decisions-title + ul li', { hasText: 'Die Steuerungsgruppe beschließt ein drittes Elterncafé in Süd.' }).waitFor();
    await expect(page.locator('#decisions-title + ul').textContent()).resolves.toContain('Neuausrichtung');
    await expectAccessible();
    await screenshot(page, 'meeting');

    await nav.getByRole('link', { name: 'Angebotslandschaft' }).click();
    await title('Angebotslandschaft');
    const landscape = page.locator('table.landscape');
    await expect(landscape.locator('td.cell-duplicate').count()).resolves.toBe(2);
    await expect(landscape.locator('td.cell-gap').first().textContent()).resolves.toContain('Lücke');
    await expect(page.locator('#duplicates-title + ul').textContent()).resolves.toMatch(/Nord.*Eltern.*(Elterncafé, Familienhebammen|Familienhebammen, Elterncafé)/);
    await expectAccessible();
    await screenshot(page, 'offer-landscape');
  });

  it('defines a goal with the form, which checks what the api checks', async () => {
    await page.goto(`${base}/n/${scenario.networkId}`);
    await page.getByRole('link', { name: 'Ziel festlegen' }).click();
    await title('Ziel festlegen');
    await page.getByRole('button', { name: 'Ziel speichern' }).click();
    await expect(page.locator('.field-error[data-field="title"]').textContent()).resolves.toBe('Bitte ausfüllen.');
    await expect(page.locator('.field-error[data-field="qualityGoals"]').textContent()).resolves.toBe('Bitte mindestens eines wählen.');
    await expectAccessible();
    await page.getByLabel('Titel').fill('Übergänge in die Kita begleiten');
    await page.getByLabel('(Bildungs-)Übergänge fließend gestalten').check();
    await page.getByRole('button', { name: 'Ziel speichern' }).click();
    await title('Übergänge in die Kita begleiten');
    await expect(page.locator('.timeline').textContent()).resolves.toContain('Ziel festgelegt');
  });

  it('lists the self-assessment rounds; a named rater rates by keyboard; once closed the round shows results, the agenda and a derived goal', async () => {
    const { review, steering } = ASSESSMENT_ITEMS;
    await mainNav().getByRole('link', { name: 'Selbstbewertung' }).click();
    await title('Selbstbewertung');
    const row = page.locator(`tr[data-assessment-id="${scenario.assessmentId}"]`);
    const listed = await row.textContent();
    expect(listed).toContain('Qualitätsrahmen Frühe Hilfen (NZFH), Version 1');
    expect(listed).toContain('3. Netzwerk');
    expect(listed).toContain('offen');
    expect(listed).toContain('1 von 2');
    await expectAccessible();
    await screenshot(page, 'assessments');

    await row.getByRole('link').click();
    await title(roundTitle());
    await expect(page.getByTestId('submitted').textContent()).resolves.toBe('1 von 2 Bewertenden');
    await expect(page.locator('form.rating-form').count()).resolves.toBe(13);
    await expect(page.locator('#close-form').count()).resolves.toBe(1);
    const form = (key: string) => page.locator(`form.rating-form[data-item-key="${key}"]`);

    // In the group of the scale the arrow keys choose; Tab leads on to the comment and to the button.
    await form(review).getByRole('radio').first().focus();
    for (let step = 0; step < 3; step++) await page.keyboard.press('ArrowDown');
    await expect(form(review).getByRole('radio', { name: 'vollständig erreicht' }).isChecked()).resolves.toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Die Steuerungsgruppe prüft die Ziele halbjährlich.');
    await page.keyboard.press('Tab');
    await expect(page.evaluate('document.activeElement.textContent')).resolves.toBe('Bewertung speichern');
    await page.keyboard.press('Enter');
    await form(review).getByText('Ihre Bewertung ist gespeichert.').waitFor();
    await form(review).locator('.your-rating', { hasText: 'vollständig erreicht' }).waitFor();
    await page.getByTestId('submitted').filter({ hasText: '2 von 2 Bewertenden' }).waitFor();

    // Without a choice the form says so beside the scale; then Shift+Tab goes back into the scale.
    await form(steering).getByRole('radio').first().focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(form(steering).locator('.field-error[data-field="rating"]').textContent()).resolves.toBe('Bitte eine Auswahl treffen.');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(form(steering).getByRole('radio', { name: 'weitgehend erreicht' }).isChecked()).resolves.toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await form(steering).locator('.your-rating', { hasText: 'weitgehend erreicht' }).waitFor();
    await expect(page.getByTestId('rated').textContent()).resolves.toBe('Sie haben 2 von 13 Entwicklungszielen bewertet.');
    await expect(page.locator('table.agenda').count()).resolves.toBe(0);
    await expectAccessible();
    await screenshot(page, 'assessment-rating');

    const closed = await api.http().post(`/api/v1/assessments/${scenario.assessmentId}/close`).send({ closedOn: browserToday() }).expect(200);
    await api.http().get(`/api/v1/assessments/${scenario.assessmentId}/agenda?after=${closed.body.position}`).expect(200);
    await mainNav().getByRole('link', { name: 'Selbstbewertung' }).click();
    await title('Selbstbewertung');
    await expect(row.textContent()).resolves.toContain('abgeschlossen');
    await row.getByRole('link').click();
    await title(roundTitle());
    await expect(page.locator('form').count()).resolves.toBe(0);

    // The agenda: widest disagreement first (one "not reached", one "fully reached"), then the goal both rated alike.
    const agenda = page.locator('table.agenda tbody tr');
    await expect(agenda.count()).resolves.toBe(13);
    const first = agenda.first();
    await expect(first.getAttribute('data-item-key')).resolves.toBe(review);
    await expect(agenda.nth(1).getAttribute('data-item-key')).resolves.toBe(steering);
    const cells = await first.locator('td').allTextContents();
    expect(cells.slice(0, 5)).toEqual(['1', expect.stringContaining('System zur regelmäßigen Überprüfung'), '1', '2,5 (zwischen teilweise erreicht und weitgehend erreicht)', '2']);

    const result = page.locator(`li.item-result[data-item-key="${review}"]`);
    await expect(result.getByRole('img').getAttribute('aria-label')).resolves.toBe(
      'Verteilung: nicht erreicht 1, teilweise erreicht 0, weitgehend erreicht 0, vollständig erreicht 1, kann ich nicht beurteilen 0',
    );
    await expect(result.locator('.median').textContent()).resolves.toBe('2,5 (zwischen teilweise erreicht und weitgehend erreicht)');
    await expect(result.locator('.divergence').textContent()).resolves.toBe('1');
    const comments = await result.locator('.comments').textContent();
    expect(comments).toContain('nicht erreicht · Jonas Steuerung: Ein gemeinsames Zielsystem fehlt noch.');
    expect(comments).toContain('vollständig erreicht · Petra Koordination: Die Steuerungsgruppe prüft die Ziele halbjährlich.');
    await expect(page.locator(`li.item-result[data-item-key="${steering}"] .divergence`).textContent()).resolves.toBe('0');
    await expectAccessible();
    await screenshot(page, 'assessment-results');

    // The coordination may set priorities; a goal defined from one is linked from the round.
    await first.getByRole('button', { name: /^Als Schwerpunkt setzen/ }).click();
    await page.locator('#agenda-title ~ .notice-success', { hasText: 'Als Schwerpunkt gesetzt:' }).waitFor();
    await first.locator('.badge', { hasText: 'Schwerpunkt' }).waitFor();
    await result.locator('.badge', { hasText: 'Schwerpunkt seit' }).waitFor();
    const defined = await api
      .anonymous()
      .post(`/api/v1/assessments/${scenario.assessmentId}/priorities/${review}/goals`)
      .auth(coordinatorToken, { type: 'bearer' })
      .send({
        cycleId: scenario.cycleId,
        level: 'strategic',
        title: 'Ziele des Netzwerks gemeinsam überprüfen',
        description: 'Ein Zielsystem mit halbjährlicher Überprüfung in der Steuerungsgruppe.',
        qualityGoals: ['multiprofessional_cooperation'],
        reviewIntervalDays: 180,
        definedOn: browserToday(),
      })
      .expect(201);
    await api.http().get(`/api/v1/assessments/${scenario.assessmentId}?after=${defined.body.position}`).expect(200);
    await openRound();
    await result.getByRole('link', { name: 'Ziele des Netzwerks gemeinsam überprüfen' }).click();
    await title('Ziele des Netzwerks gemeinsam überprüfen');
  });

  it('offers a funder the audit log with filters, its CSV export and the progress report, and no forms to record', async () => {
    const audit = await api.http().get(`/api/v1/networks/${scenario.networkId}/audit?limit=1`);
    expect(audit.status).toBe(200);

    const funder = await api.tokenFor({ userId: 'u-funder', displayName: 'Frieda Förderung', roles: [`funder@${scenario.networkId}`] });
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.getByLabel('Zugangsschlüssel').fill(funder);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await title('Zyklusübersicht');
    await expect(page.getByRole('link', { name: 'Ziel festlegen' }).count()).resolves.toBe(0);
    await page.getByRole('link', { name: 'Wartezeit auf Familienhebammen verkürzen' }).first().click();
    await title('Wartezeit auf Familienhebammen verkürzen');
    await expect(page.getByRole('heading', { name: 'Erfassen' }).count()).resolves.toBe(0);
    await expect(page.locator('form').count()).resolves.toBe(0);

    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Prüfprotokoll' }).click();
    await title('Prüfprotokoll');
    const rows = page.locator('table.audit tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(20);
    await page.getByLabel('Art').selectOption('GoalReviewed');
    await page.getByRole('button', { name: 'Filter anwenden' }).click();
    // The filtered page replaces the whole one; waitForFunction would need eval, which the page's CSP forbids.
    await rows.nth(3).waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(3);
    await expect(page.locator('table.audit tbody').textContent()).resolves.toContain('Petra Koordination');
    await expectAccessible();
    await screenshot(page, 'audit');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Als CSV herunterladen' }).click()]);
    const file = await download.path();
    const csv = readFileSync(file, 'utf8');
    expect(csv.split(/\r?\n/).filter(Boolean)).toHaveLength(4);

    const [report] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Fortschrittsbericht (HTML)' }).click()]);
    expect(report.suggestedFilename()).toMatch(/^fortschrittsbericht-.*\.html$/);
    expect(readFileSync(await report.path(), 'utf8')).toContain('Netzwerk Frühe Hilfen Musterstadt');
  });

  it('shows a funder the closed round and its agenda, and offers no rating and no priority', async () => {
    await openRound();
    await expect(page.locator('form').count()).resolves.toBe(0);
    const agenda = page.locator('table.agenda tbody tr');
    await expect(agenda.count()).resolves.toBe(13);
    await expect(agenda.first().locator('.badge').textContent()).resolves.toBe('Schwerpunkt');
    await expect(page.locator('table.agenda button').count()).resolves.toBe(0);
    await expect(page.locator(`li.item-result[data-item-key="${ASSESSMENT_ITEMS.review}"] .median`).textContent()).resolves.toBe(
      '2,5 (zwischen teilweise erreicht und weitgehend erreicht)',
    );
    await expectAccessible();
  });
});
