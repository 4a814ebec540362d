import { render } from 'preact';
import { App } from './App';
import { applyTheme } from '@/lib/ui/apply-theme';

applyTheme();
render(<App />, document.getElementById('app')!);
