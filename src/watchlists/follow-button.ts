// The "Follow this supplier" button of an in-page card: DOM calls and textContent only (the card is a shadow-root
// DOM view, not Preact). It says what happened: followed, or why not.
import type { Finding } from '../core/types';

export type FollowAction = (finding: Finding) => Promise<void>;

export function followButton(finding: Finding, t: (key: string, substitutions?: string[]) => string, onFollow: FollowAction): HTMLElement {
  const row = document.createElement('div');
  row.className = 'actions';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'action follow';
  button.textContent = t('followSupplier');
  const status = document.createElement('span');
  status.className = 'follow-status';
  status.setAttribute('role', 'status');
  button.addEventListener('click', (event) => {
    event.preventDefault();
    event.stopPropagation();
    button.disabled = true;
    onFollow(finding).then(
      () => {
        button.textContent = t('followingSupplier');
        status.textContent = t('followedInto', [t('defaultWatchlistName')]);
      },
      (error: unknown) => {
        button.disabled = false;
        status.textContent = error instanceof Error ? error.message : String(error);
      },
    );
  });
  row.append(button, status);
  return row;
}
