import { render } from 'preact';
import { browser } from 'wxt/browser';
import { EmptyState } from '@/components/EmptyState';

function PopupApp() {
  return (
    <main>
      <h1 class="visually-hidden">Partwise</h1>
      <EmptyState
        title="No subscriptions yet"
        action={{ label: 'Add a subscription', onClick: () => void browser.runtime.openOptionsPage() }}
      >
        <p class="muted">Subscribe to the blogs you follow and read their series in order.</p>
      </EmptyState>
    </main>
  );
}

render(<PopupApp />, document.getElementById('app')!);
