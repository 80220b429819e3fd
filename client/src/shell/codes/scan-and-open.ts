import { ApiError } from '../api';
import { notice } from '../discover/sheet';
import { programHref, Scene } from '../discover/shelf';
import { isCapsuleLink, isWebAddress, matchLink, openCode } from './links';
import { t } from './messages';
import { scanQr, type Scanned } from './scanner';

/**
 * Opens the program whose link rule an ordinary address matches, at the rule's page with `q` and `scancode_time`
 * (scene 1011 from the camera, 1013 from an image). False when no released program's rule matches it.
 */
async function openLinkRule(scanned: Scanned): Promise<boolean> {
  if (!isWebAddress(scanned.text)) {
    return false;
  }
  try {
    const opened = await matchLink(scanned.text);
    location.hash = programHref(opened.appId, scanned.source === 'camera' ? Scene.scanLinkCamera : Scene.scanLinkImage, opened.path);
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      return false;
    }
    throw error;
  }
}

/**
 * Opens what a scanned code holds: a program's code opens the program at its page (scene 1047 from the camera, 1049
 * from an image), a person's code opens "add contact", and an ordinary address that a program's link rule matches
 * opens that program (scenes 1011/1013). Anything else is shown as text. Capsule links come first, so no link rule
 * can take over a Capsule code; one the server does not recognize as its own may still be an ordinary address.
 */
export async function openScanned(scanned: Scanned): Promise<void> {
  try {
    if (!isCapsuleLink(scanned.text)) {
      if (!(await openLinkRule(scanned))) {
        notice(t('notCapsule'), t('notCapsule'), scanned.text);
      }
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
      if (!(error instanceof ApiError && error.status === 400 && (await openLinkRule(scanned)))) {
        throw error;
      }
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
