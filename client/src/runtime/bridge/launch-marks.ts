// Performance marks along a program's launch, named `capsule:<step>`, in the host's and the container's
// documents: the runtime benchmark reads them to show where launch time goes (docs/performance.md).
export type LaunchStep =
  | 'manifest'
  | 'container-ready'
  | 'code-fetched'
  | 'launch-sent'
  | 'page-ready'
  | 'container-start'
  | 'launch-received'
  | 'view-code-loaded'
  | 'first-page'
  | 'first-render'
  | 'first-paint'
  | 'foreground-paint';

export function markLaunch(step: LaunchStep): void {
  performance.mark(`capsule:${step}`);
}
