// Company affiliation by e-mail domain (DESIGN §2 "Company share").
//
// organizationOf returns one of three kinds of answer:
//   - a name from data/identities/organizations.yaml, found by walking up the
//     subdomains (foo.nvidia.com → nvidia.com → NVIDIA);
//   - 'Unknown' when the address says nothing about an employer: webmail,
//     GitHub noreply, personal or community domains (webmail.yaml), placeholder
//     and machine-local hosts (user@MacBook-Air.local), empty or invalid input;
//   - 'Other' for a real domain that no list maps. Returning the domain itself
//     would split the long tail of small companies into hundreds of slivers in
//     every share table; 'Other' keeps them together and makes the coverage of
//     the map visible (a growing 'Other' means the map needs entries).

import { organizationsList, webmailList } from './curated-lists.ts';
import { memoize } from '../common/memo.ts';

export const UNKNOWN_ORGANIZATION = 'Unknown';
export const OTHER_ORGANIZATION = 'Other';

interface AffiliationRules {
  orgByDomain: Map<string, string>;
  noAffiliation: Set<string>;
  webmailLabels: Set<string>;
  pseudoTlds: Set<string>;
}

let rules: AffiliationRules | undefined;

function getRules(): AffiliationRules {
  if (rules) return rules;
  const orgByDomain = new Map<string, string>();
  for (const org of organizationsList().organizations) {
    for (const d of org.domains) {
      const previous = orgByDomain.get(d);
      if (previous !== undefined && previous !== org.name) {
        throw new Error(`data/identities/organizations.yaml: ${d} is mapped to both ${previous} and ${org.name}`);
      }
      orgByDomain.set(d, org.name);
    }
  }
  const w = webmailList();
  rules = {
    orgByDomain,
    noAffiliation: new Set([...w.webmail, ...w.personal, ...w.placeholder]),
    webmailLabels: new Set(w.webmailLabels),
    pseudoTlds: new Set(w.pseudoTlds),
  };
  return rules;
}

// Letters, digits, hyphens and underscores (seen in machine host names) per label.
const DOMAIN_RE = /^[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*$/;
const ALPHA_TLD_RE = /^[a-z]{2,}$/;
// Second-level labels of two-label country suffixes (co.uk, com.sg, ne.jp).
const COUNTRY_SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'ac', 'edu', 'gov', 'ne', 'or', 'go', 'gob']);

/** Lowercased domain of an address, or '' when there is none or it is not a host name. */
export function domainOf(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 0) return '';
  let d = email.slice(at + 1).trim().toLowerCase();
  if (d.endsWith('>')) d = d.slice(0, -1);
  if (d.endsWith('.')) d = d.slice(0, -1);
  return DOMAIN_RE.test(d) ? d : '';
}

/** yahoo.co.jp, hotmail.fr, live.cn: a provider label followed by a bare public suffix. */
function isWebmailLabel(labels: string[], start: number, webmailLabels: Set<string>): boolean {
  if (!webmailLabels.has(labels[start]!)) return false;
  const rest = labels.length - start - 1;
  if (rest === 1) return true;
  return rest === 2 && COUNTRY_SECOND_LEVEL.has(labels[start + 1]!);
}

function resolve(domain: string): string {
  const r = getRules();
  const labels = domain.split('.');
  if (labels.length === 1) return r.orgByDomain.get(domain) ?? UNKNOWN_ORGANIZATION;
  const tld = labels[labels.length - 1]!;
  for (let i = 0; i < labels.length - 1; i++) {
    const candidate = i === 0 ? domain : labels.slice(i).join('.');
    const org = r.orgByDomain.get(candidate);
    if (org !== undefined) return org;
    if (r.noAffiliation.has(candidate) || isWebmailLabel(labels, i, r.webmailLabels)) return UNKNOWN_ORGANIZATION;
  }
  // A host name on a private network, or a numeric "TLD" (host-16.04), is no
  // organization's domain.
  if (r.pseudoTlds.has(tld) || !ALPHA_TLD_RE.test(tld)) return UNKNOWN_ORGANIZATION;
  return OTHER_ORGANIZATION;
}

const resolveMemo = memoize(resolve, 500_000);

/** Organization display name for an address: a mapped name, 'Unknown' or 'Other'. */
export function organizationOf(email: string): string {
  const domain = domainOf(email);
  return domain === '' ? UNKNOWN_ORGANIZATION : resolveMemo(domain);
}
