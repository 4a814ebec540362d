import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '@/lib/messaging/protocol';

function OptionsApp() {
  const [status, setStatus] = useState('Connecting to the background…');
  useEffect(() => {
    sendMessage('ping')
      .then((reply) => setStatus(`Partwise ${reply.version}: background running`))
      .catch((error: unknown) => setStatus(`The background did not answer: ${String(error)}`));
  }, []);
  return (
    <main>
      <h1>Partwise</h1>
      <p class="muted" data-testid="background-status">{status}</p>
    </main>
  );
}

render(<OptionsApp />, document.getElementById('app')!);
