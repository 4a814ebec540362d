import { useMemo, useState } from 'preact/hooks';
import type { Subscription } from '@/lib/db';
import { foldersOf, type FeedFolder } from '@/lib/folders/folders';
import { t, tCount } from '@/lib/i18n/t';
import { SubscriptionRow, type SubscriptionActions } from './SubscriptionRow';

/** Props of {@link SubscriptionList}. */
export interface SubscriptionListProps extends SubscriptionActions {
  subscriptions: readonly Subscription[];
  counts: ReadonlyMap<number, { unread: number; total: number }>;
  missingOrigins: ReadonlyMap<number, readonly string[]>;
  now: number;
  refreshing: boolean;
  onRefreshAll: () => void;
  /** Renames a folder: every feed in it moves to the new name. */
  onRenameFolder: (from: string, to: string) => void;
}

/** Every subscription by folder (as OPML outlines nest them), with a filter box and "Refresh all". */
export function SubscriptionList(props: SubscriptionListProps) {
  const [filter, setFilter] = useState('');
  const folders = useMemo(() => foldersOf(props.subscriptions, filter), [props.subscriptions, filter]);
  const folderNames = useMemo(() => foldersOf(props.subscriptions).map((folder) => folder.name).filter(Boolean), [props.subscriptions]);
  const shown = folders.reduce((sum, folder) => sum + folder.subscriptions.length, 0);
  return (
    <section class="card subscriptions-card" aria-labelledby="subscriptions-heading">
      <div class="row spread">
        <h2 id="subscriptions-heading">{t('subscriptionsCount', props.subscriptions.length)}</h2>
        <button type="button" onClick={props.onRefreshAll} disabled={props.refreshing || props.subscriptions.length === 0}>
          {props.refreshing ? t('refreshing') : t('refreshAll')}
        </button>
      </div>
      {props.subscriptions.length === 0 ? (
        <p class="muted">{t('noSubscriptionsOptions')}</p>
      ) : (
        <>
          <div class="row filter-row">
            <input
              type="search"
              class="filter"
              aria-label={t('filterFeeds')}
              placeholder={t('filterPlaceholder')}
              value={filter}
              onInput={(event) => setFilter(event.currentTarget.value)}
            />
            {filter && <span class="muted">{tCount('feedsShown', shown)}</span>}
          </div>
          <datalist id="folder-names">
            {folderNames.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
          {folders.length === 0 && <p class="muted">{t('noFeedMatches', filter)}</p>}
          {folders.map((folder) => (
            <FolderSection key={folder.name} folder={folder} list={props} forceOpen={filter.trim() !== ''} />
          ))}
        </>
      )}
    </section>
  );
}

/** One folder, collapsible, with its feeds and a way to rename it. */
function FolderSection({ folder, list, forceOpen }: { folder: FeedFolder; list: SubscriptionListProps; forceOpen: boolean }) {
  const [open, setOpen] = useState(true);
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(folder.name);
  const title = folder.name || t('noFolder');
  const expanded = open || forceOpen;
  const bodyId = `folder-${encodeURIComponent(folder.name || 'none').replace(/%/g, '_')}`;
  return (
    <section class="folder" aria-label={title}>
      <div class="folder-head">
        <button type="button" class="folder-toggle" aria-expanded={expanded} aria-controls={bodyId} onClick={() => setOpen(!open)}>
          <span class="chevron" aria-hidden="true">{expanded ? '▾' : '▸'}</span>
          <span class="folder-name">{title}</span> <span class="muted">({folder.subscriptions.length})</span>
        </button>
        {folder.name && !renaming && (
          <button type="button" class="small" aria-label={t('renameFolder', folder.name)} onClick={() => setRenaming(true)}>
            {t('rename')}
          </button>
        )}
        {renaming && (
          <form
            class="row"
            onSubmit={(event) => {
              event.preventDefault();
              setRenaming(false);
              if (name.trim() && name.trim() !== folder.name) list.onRenameFolder(folder.name, name.trim());
            }}
          >
            <input aria-label={t('newFolderName', folder.name)} value={name} onInput={(event) => setName(event.currentTarget.value)} />
            <button type="submit" class="small primary">
              {t('save')}
            </button>
            <button type="button" class="link-button" onClick={() => setRenaming(false)}>
              {t('cancel')}
            </button>
          </form>
        )}
      </div>
      {expanded && (
        <ul class="subscriptions" id={bodyId}>
          {folder.subscriptions.map((subscription) => (
            <SubscriptionRow
              key={subscription.id}
              subscription={subscription}
              counts={list.counts.get(subscription.id)}
              missingOrigins={list.missingOrigins.get(subscription.id) ?? []}
              now={list.now}
              onEdit={list.onEdit}
              onRefresh={list.onRefresh}
              onUnsubscribe={list.onUnsubscribe}
              onAllowOrigins={list.onAllowOrigins}
              onAddSeriesPage={list.onAddSeriesPage}
              onRemoveSeriesPage={list.onRemoveSeriesPage}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
