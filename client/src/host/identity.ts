// wx.login, wx.checkSession, wx.getUserProfile and the getUserInfo / getPhoneNumber buttons. The host asks
// the server as the signed-in user; the user's profile reaches the program only after they allow it on
// the host's consent sheet.
import { showSheet } from './sheets';

type Args = Record<string, unknown>;

async function json<T>(response: Response): Promise<T> {
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { detail?: string };
    throw new Error(problem.detail ?? `${response.status} ${response.statusText}`);
  }
  return (await response.json()) as T;
}

export class Identity {
  constructor(
    private readonly apiBase: string,
    private readonly programName: string,
  ) {}

  async login(): Promise<Args> {
    const answer = await json<{ code: string }>(await fetch(`${this.apiBase}/login-code`, { method: 'POST' }));
    return { code: answer.code };
  }

  async checkSession(): Promise<Args> {
    const answer = await json<{ valid: boolean }>(await fetch(`${this.apiBase}/session`));
    if (!answer.valid) {
      throw new Error('session expired');
    }
    return {};
  }

  /** The consent sheet, then the profile; "auth deny" when the user declines. */
  async userProfile(purpose: string): Promise<Args> {
    const allowed = await showSheet({
      kind: 'consent',
      heading: `${this.programName} would like your profile`,
      lines: [purpose, 'Your nickname and avatar will be shared with this mini program.'],
      confirm: 'Allow',
      cancel: 'Deny',
    });
    if (!allowed) {
      throw new Error('auth deny');
    }
    const userInfo = await json<Args>(await fetch(`${this.apiBase}/user-profile`));
    return { userInfo, rawData: JSON.stringify(userInfo), signature: '', encryptedData: '', iv: '' };
  }

  async getUserProfile(args: Args): Promise<Args> {
    const desc = typeof args['desc'] === 'string' ? args['desc'].trim() : '';
    if (!desc) {
      throw new Error('desc is required');
    }
    return this.userProfile(desc);
  }

  /** A button with open-type: the detail of its event (getuserinfo, getphonenumber). */
  async openType(kind: string): Promise<Args> {
    if (kind === 'getUserInfo') {
      return this.userProfile('To show who you are.');
    }
    if (kind === 'getPhoneNumber') {
      throw new Error('Capsule does not share phone numbers');
    }
    throw new Error('not supported');
  }
}
