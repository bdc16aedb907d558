import { adminTitle, type AdminSection } from '../lib/router';
import { Link } from '../navigation';
import { CoachesSection } from './admin/CoachesSection';
import { FeedHostsSection } from './admin/FeedHostsSection';
import { PolicySection } from './admin/PolicySection';
import { UsersSection } from './admin/UsersSection';

export { parsePolicyText } from './admin/PolicySection';

const SECTIONS: AdminSection[] = ['users', 'coaches', 'policy', 'feeds'];

/** Admin: users and roles, coach assignments, the policy rules. */
export function AdminScreen({ section }: { section: AdminSection }) {
  return (
    <>
      <div class="page-head">
        <h1 tabIndex={-1}>Admin · {adminTitle(section)}</h1>
      </div>
      <nav class="tabs" aria-label="Admin sections">
        {SECTIONS.map((s) => (
          <Link key={s} href={`/admin/${s}`} class="tab" aria-current={s === section ? 'page' : undefined}>
            {adminTitle(s)}
          </Link>
        ))}
      </nav>
      {section === 'users' && <UsersSection />}
      {section === 'coaches' && <CoachesSection />}
      {section === 'policy' && <PolicySection />}
      {section === 'feeds' && <FeedHostsSection />}
    </>
  );
}
