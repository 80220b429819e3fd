import { api, ApiError, type Profile } from './api';

// Who is signed in. The shell asks once at start; every page after sign-in can read it synchronously.

let profile: Profile | undefined;

export function currentUser(): Profile {
  if (!profile) {
    throw new Error('nobody is signed in');
  }
  return profile;
}

export function isSignedIn(): boolean {
  return profile !== undefined;
}

export function setCurrentUser(next: Profile | undefined): void {
  profile = next;
}

/** Loads the signed-in user, if any; a 401 simply means nobody is signed in. */
export async function restoreSession(): Promise<void> {
  try {
    profile = await api.me();
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) {
      throw error;
    }
    profile = undefined;
  }
}
