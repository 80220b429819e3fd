import { ApiError } from '../api';
import { notice } from '../discover/sheet';
import { programHref, Scene } from '../discover/shelf';
import { isCapsuleLink, openCode } from './links';
import { t } from './messages';
import { scanQr, type Scanned } from './scanner';

/**
 * Opens what a scanned code holds: a program's code opens the program at its page (scene 1047 from the camera, 1049
 * from an image), a person's code opens "add contact". Anything else is shown as text; codes with a program's
 * registered link rules (scenes 1011/1013) are not supported yet.
 */
export async function openScanned(scanned: Scanned): Promise<void> {
  if (!isCapsuleLink(scanned.text)) {
    notice(t('notCapsule'), t('notCapsule'), scanned.text);
    return;
  }
  try {
    const opened = await openCode(scanned.text);
    if (opened.kind === 'user' && opened.userId) {
      location.hash = `#/contacts/add?id=${encodeURIComponent(opened.userId)}`;
    } else if (opened.appId) {
      location.hash = programHref(opened.appId, scanned.source === 'camera' ? Scene.scanCamera : Scene.scanImage, opened.path ?? '');
    }
  } catch (error) {
    notice(t('refused'), t('refused'), error instanceof ApiError ? error.message : String(error));
  }
}

/** Discover → Scan: the scanner, then whatever the code opens. */
export async function scanAndOpen(): Promise<void> {
  const scanned = await scanQr();
  if (scanned) {
    await openScanned(scanned);
  }
}
