// DESIGN §2 "Company share": email domain → organization, subdomains walk up,
// webmail and noreply are Unknown, unmapped corporate domains are Other.
import { describe, expect, it } from 'vitest';
import { domainOf, organizationOf } from '../../../scripts/identity/affiliation.ts';

describe('domainOf', () => {
  it('lowercases the part after the last @', () => {
    expect(domainOf('Michael.Schellenberger@NVIDIA.com')).toBe('nvidia.com');
    expect(domainOf('a@b@Example.ORG')).toBe('example.org');
    expect(domainOf(' jdoe@intel.com> ')).toBe('intel.com');
  });

  it("returns '' when there is no usable domain", () => {
    expect(domainOf('')).toBe('');
    expect(domainOf('no address')).toBe('');
    expect(domainOf('user@')).toBe('');
    expect(domainOf('buildmaster@thrust-test-3.(none)')).toBe('');
    expect(domainOf('x@exa mple.com')).toBe('');
  });
});

describe('organizationOf', () => {
  it.each([
    ['miscco@nvidia.com', 'NVIDIA'],
    ['someone@exchange.nvidia.com', 'NVIDIA'],
    ['16880-xueyang@users.noreply.gitlab-master.nvidia.com', 'NVIDIA'],
    ['evgeny.shcherbakov@amd.com', 'AMD'],
    ['fpadmin@fpvega10-3.amd.com', 'AMD'],
    ['someone@xilinx.com', 'AMD'],
    ['kzawora@habana.ai', 'Intel'],
    ['dmitry.zarukin@intel.com', 'Intel'],
    ['phawkins@google.com', 'Google'],
    ['zalman@zalman-macbookpro2.roam.corp.google.com', 'Google'],
    ['someone@deepmind.com', 'Google'],
    ['mnachin@meta.com', 'Meta'],
    ['jongsoo@fb.com', 'Meta'],
    ['wang.chi@microsoft.com', 'Microsoft'],
    ['alexe@us.ibm.com', 'IBM/Red Hat'],
    ['tung@jp.ibm.com', 'IBM/Red Hat'],
    ['rbryant@redhat.com', 'IBM/Red Hat'],
    ['jintao@alibaba-inc.com', 'Alibaba'],
    ['mnnteam@service.taobao.com', 'Alibaba'],
    ['someone@antgroup.com', 'Ant Group'],
    ['someone@bytedance.com', 'ByteDance'],
    ['pedro@huggingface.co', 'Hugging Face'],
    ['someone@tenstorrent.com', 'Tenstorrent'],
    ['someone@arm.com', 'Arm'],
    ['kyunggeun@quicinc.com', 'Qualcomm'],
    ['lhez@qti.qualcomm.com', 'Qualcomm'],
    ['awni@apple.com', 'Apple'],
    ['jiangjiajun@baidu.com', 'Baidu'],
    ['nihui@tencent.com', 'Tencent'],
    ['chenggang@deepseek.com', 'DeepSeek'],
    ['evgeny@corp.mail.ru', 'VK'],
    ['ruihangl@cs.cmu.edu', 'Carnegie Mellon University'],
    ['zhang@mails.tsinghua.edu.cn', 'Tsinghua University'],
    ['kent@amd', 'AMD'],
  ])('%s → %s', (email, org) => {
    expect(organizationOf(email)).toBe(org);
  });

  it.each([
    // Webmail, including providers' country domains and subdomains.
    'ggerganov@gmail.com',
    'someone@GoogleMail.com',
    'x@qq.com',
    'x@vip.qq.com',
    'x@163.com',
    'x@outlook.com',
    'x@hotmail.co.uk',
    'x@yahoo.com.sg',
    'x@live.cn',
    'x@proton.me',
    'x@mail.ru',
    // GitHub noreply, placeholders, personal and community domains.
    '72895+geohot@users.noreply.github.com',
    'x@noreply.github.com',
    'x@example.com',
    'kali@zoy.org',
    'x@alum.mit.edu',
    'x@apache.org',
    // Machine-local hosts and broken input.
    'user@MacBook-Air.local',
    'root@gpu-h100-0435.cm.cluster',
    'fpadmin@hipdev-16.04',
    'dumerrill@moochbot',
    'root@localhost',
    'not an address',
    '',
  ])('%s → Unknown', (email) => {
    expect(organizationOf(email)).toBe('Unknown');
  });

  it("maps a real but unlisted domain to 'Other', not to the domain itself", () => {
    expect(organizationOf('someone@tiny-startup.io')).toBe('Other');
    expect(organizationOf('someone@dept.small-college.edu')).toBe('Other');
  });

  it('keeps a provider label inside an institution domain with the institution', () => {
    // "mail" is a webmail label only directly before a public suffix (mail.ru).
    expect(organizationOf('x@mail.utoronto.ca')).toBe('University of Toronto');
  });
});
