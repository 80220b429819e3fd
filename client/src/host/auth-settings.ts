// WeChat's authorization scopes (wx.authorize, wx.getSetting, wx.openSetting): what the user let this program
// use, answered on the host's consent sheet, outside the program's sandbox. A scope is asked once; a refusal
// stands (the API fails with "auth deny" without asking again) until the user changes it in the settings
// sheet that wx.openSetting shows. Kept for as long as this host runs the program.
import { showSheet } from './sheets';
import { DeviceFailure } from './device-failure';

/** The scopes WeChat documents, with what the consent sheet says the program wants to do. */
const SCOPES: Readonly<Record<string, string>> = {
  'scope.userLocation': 'use your location',
  'scope.userFuzzyLocation': 'use your approximate location',
  'scope.userLocationBackground': 'use your location while in the background',
  'scope.record': 'use your microphone',
  'scope.camera': 'use your camera',
  'scope.writePhotosAlbum': 'save pictures and videos to your device',
  'scope.address': 'use your mailing addresses',
  'scope.invoiceTitle': 'use your invoice titles',
  'scope.invoice': 'use your invoices',
  'scope.werun': 'read your step counts',
  'scope.bluetooth': 'use Bluetooth',
  'scope.addPhoneContact': 'add to your contacts',
  'scope.addPhoneCalendar': 'add to your calendar',
};

/** Since 2021 WeChat grants scope.userInfo without asking (wx.getUserInfo answers an anonymous user). */
const USER_INFO = 'scope.userInfo';

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export class AuthSettings {
  private readonly answers = new Map<string, boolean>([[USER_INFO, true]]);

  constructor(private readonly programName: string) {}

  /** `authSetting` as wx.getSetting answers it: every scope asked so far, and whether it was allowed. */
  setting(): Record<string, boolean> {
    return Object.fromEntries(this.answers);
  }

  /** Asks the user the first time; afterwards answers what they said. Throws "<api>:fail auth deny" on a refusal. */
  async require(scope: string, api: string): Promise<void> {
    if (!(await this.ask(scope, api))) {
      throw new DeviceFailure(`${api}:fail auth deny`);
    }
  }

  private async ask(scope: string, api: string): Promise<boolean> {
    const known = this.answers.get(scope);
    if (known !== undefined) {
      return known;
    }
    const purpose = SCOPES[scope];
    if (purpose === undefined) {
      throw new DeviceFailure(`${api}:fail invalid scope`);
    }
    const allowed = await showSheet({
      kind: 'consent',
      heading: `${this.programName} wants to ${purpose}`,
      lines: ['You can change this later in the mini program\u2019s settings.'],
      confirm: 'Allow',
      cancel: 'Deny',
    });
    this.answers.set(scope, allowed);
    return allowed;
  }

  /** The settings sheet: a switch per scope asked so far; answers the new authSetting when the user closes it. */
  openSetting(): Promise<Record<string, boolean>> {
    const scopes = [...this.answers.keys()].filter((scope) => scope in SCOPES);
    const lines = scopes.length === 0 ? ['This mini program has not asked for any permission yet.'] : [];
    const switches = scopes.map((scope) => {
      const label = document.createElement('label');
      label.className = 'capsule-setting';
      const toggle = document.createElement('input');
      toggle.type = 'checkbox';
      toggle.setAttribute('role', 'switch');
      toggle.checked = this.answers.get(scope) === true;
      toggle.dataset['scope'] = scope;
      label.append(capitalized(SCOPES[scope] ?? scope), toggle);
      return label;
    });
    return showSheet({ kind: 'settings', heading: `${this.programName} settings`, lines, controls: switches, confirm: 'Done' }).then(() => {
      for (const toggle of switches.map((label) => label.querySelector('input'))) {
        if (toggle?.dataset['scope']) {
          this.answers.set(toggle.dataset['scope'], toggle.checked);
        }
      }
      return this.setting();
    });
  }
}
