import { render } from 'preact';
import { applyTheme } from '@/lib/ui/apply-theme';
import { App } from './App';

applyTheme();
render(<App />, document.getElementById('app')!);
