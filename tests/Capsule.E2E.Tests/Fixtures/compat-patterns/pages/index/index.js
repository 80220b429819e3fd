// Patterns seen in real programs, one handler each.
Page({
  // A Promise library announcing an unhandled rejection the way Bluebird does on a browser-like global:
  // a CustomEvent dispatched synchronously, before the real rejection below is reported.
  lookAlikeRejection() {
    self.dispatchEvent(new CustomEvent('unhandledrejection', { detail: { reason: new Error('look-alike') } }));
    Promise.reject(new Error('real rejection'));
  }
});
