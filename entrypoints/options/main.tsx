import { render } from 'preact';
import { t } from '@/lib/i18n/t';
import { applyTheme } from '@/lib/ui/apply-theme';
import { App } from './App';

applyTheme();
document.title = t('optionsTitle');
render(<App />, document.getElementById('app')!);
