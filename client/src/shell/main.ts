import { renderHome } from './home';
import { renderProgram } from './program-view';
import './styles.css';

const root = document.getElementById('app') as HTMLElement;
let cleanup: (() => void) | undefined;

/** Routes: #/ is home, #/mp/<appid> runs a mini program. */
function route(): void {
  cleanup?.();
  cleanup = undefined;
  const program = /^#\/mp\/([^/?#]+)/.exec(location.hash);
  if (program?.[1]) {
    cleanup = renderProgram(root, decodeURIComponent(program[1]));
  } else {
    document.title = 'Capsule';
    renderHome(root);
  }
}

window.addEventListener('hashchange', route);
route();
