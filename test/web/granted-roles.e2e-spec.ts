import { Page } from 'playwright-core';
import { networkWithGoals, NetworkFixture } from '../support/network-fixture';
import { startTestApi, TestApi } from '../support/test-api';
import { ensureWebBuild, launchBrowser, TestBrowser } from './support/browser';

/** The web offers what GET /me says a person may do: a role granted in the network counts as one the token carries. */
describe('web app: roles granted, not in the token', () => {
  let api: TestApi;
  let browser: TestBrowser;
  let page: Page;
  let base: string;
  let fixture: NetworkFixture;

  beforeAll(async () => {
    ensureWebBuild();
    api = await startTestApi();
    await api.app.listen(0, '127.0.0.1');
    base = (await api.app.getUrl()).replace('[::1]', '127.0.0.1');
    [fixture, browser] = await Promise.all([networkWithGoals(api), launchBrowser()]);
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  const title = (text: string) => page.getByRole('heading', { level: 1, name: text, exact: true }).waitFor();
  const changeRole = async (kind: 'role-grants' | 'role-revocations', role: string) => {
    const written = await api.http().post(`/api/v1/networks/${fixture.networkId}/${kind}`).send({ userId: 'u-greta', role }).expect(200);
    await api.http().get(`/api/v1/networks/${fixture.networkId}/roles?after=${written.body.position}`).expect(200);
  };

  it('offers a person with a granted steering role the network, defining goals and reviewing them; after revocation no longer', async () => {
    await changeRole('role-grants', 'steering');
    const token = await api.tokenFor({ userId: 'u-greta', displayName: 'Greta Steuerung', roles: [] });

    await page.goto(`${base}/`);
    await title('Anmelden');
    await page.getByLabel('Zugangsschlüssel').fill(token);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL(`${base}/n/${fixture.networkId}`);
    await title('Zyklusübersicht');
    await page.getByRole('link', { name: 'Ziel festlegen' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    await expect(nav.getByRole('link', { name: 'Prüfprotokoll' }).count()).resolves.toBe(0);

    await page.goto(`${base}/n/${fixture.networkId}/goals/${fixture.operationalId}`);
    await title('operational goal');
    await page.getByRole('button', { name: 'Überprüfung speichern' }).waitFor();

    await changeRole('role-grants', 'funder');
    await page.reload();
    await title('operational goal');
    await nav.getByRole('link', { name: 'Prüfprotokoll' }).waitFor();

    await changeRole('role-revocations', 'steering');
    await page.reload();
    await title('operational goal');
    await expect(page.getByRole('button', { name: 'Überprüfung speichern' }).count()).resolves.toBe(0);
    await expect(page.locator('form').count()).resolves.toBe(0);
    await page.goto(`${base}/n/${fixture.networkId}`);
    await title('Zyklusübersicht');
    await expect(page.getByRole('link', { name: 'Ziel festlegen' }).count()).resolves.toBe(0);
  });
});
