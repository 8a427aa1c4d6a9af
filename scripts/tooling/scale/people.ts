// Synthetic people: a name, addresses and a time zone as a pure function of an id.
// The mix is the one identity merging has to untangle in the real data: company
// addresses, webmail, GitHub noreply addresses (ID+login@ and login@), a second
// address per active person (a laptop and a work machine), common names shared by
// different people, and a repository .mailmap that maps some old addresses.
import { hash } from './prng.ts';

const FIRST = [
  'Wei', 'Jing', 'Li', 'Yan', 'Hao', 'Xin', 'Chen', 'Yu', 'Min', 'Jun', 'Alex', 'Sam', 'Chris', 'Michael', 'David', 'John', 'James', 'Robert', 'Daniel',
  'Andrew', 'Thomas', 'Mark', 'Paul', 'Peter', 'Anna', 'Maria', 'Elena', 'Olga', 'Sara', 'Laura', 'Emma', 'Julia', 'Sofia', 'Priya', 'Rahul', 'Amit',
  'Arjun', 'Vikram', 'Ankit', 'Rohan', 'Sneha', 'Kiran', 'Hiroshi', 'Takeshi', 'Yuki', 'Kenji', 'Minho', 'Jisoo', 'Hyun', 'Ahmed', 'Omar', 'Fatima',
  'Lucas', 'Mateo', 'Diego', 'Pablo', 'Carlos', 'Jean', 'Pierre', 'Louis', 'Hugo', 'Lena', 'Jonas', 'Felix', 'Max', 'Lars', 'Nils', 'Ivan', 'Dmitri',
  'Sergey', 'Igor', 'Pavel', 'Tomasz', 'Piotr', 'Marek', 'Giulia', 'Marco', 'Luca', 'Matteo', 'Noah', 'Liam', 'Ethan', 'Olivia', 'Ava', 'Mia', 'Zoe',
  'Kai', 'Ravi', 'Deepak', 'Suresh', 'Nikhil', 'Aditya', 'Tianqi', 'Zhen', 'Lianmin', 'Ying', 'Xiaoyu', 'Boyuan', 'Ruoxi', 'Kaichao', 'Woosuk',
];
const LAST = [
  'Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Sun', 'Ma', 'Zhu', 'Hu', 'Guo', 'He', 'Lin', 'Luo', 'Gao',
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore', 'Martin', 'Jackson',
  'White', 'Harris', 'Clark', 'Lewis', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Green', 'Baker', 'Adams', 'Nelson', 'Hill', 'Campbell',
  'Kumar', 'Sharma', 'Singh', 'Patel', 'Gupta', 'Reddy', 'Iyer', 'Nair', 'Rao', 'Das', 'Tanaka', 'Suzuki', 'Sato', 'Watanabe', 'Kim', 'Park', 'Choi',
  'Lee', 'Nguyen', 'Tran', 'Garcia', 'Rodriguez', 'Martinez', 'Lopez', 'Gonzalez', 'Perez', 'Sanchez', 'Ramirez', 'Muller', 'Schmidt', 'Schneider',
  'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Hoffmann', 'Rossi', 'Russo', 'Ferrari', 'Bianchi', 'Dubois', 'Moreau', 'Laurent', 'Ivanov',
  'Petrov', 'Smirnov', 'Kowalski', 'Nowak', 'Novak', 'Jansen', 'Bakker', 'Visser', 'Andersson', 'Johansson', 'Larsen', 'Nielsen', 'Hansen', 'Talbot',
  'Abbott', 'Cohen', 'Levi', 'Shah', 'Mehta', 'Joshi', 'Ghosh', 'Bose', 'Chatterjee', 'Mukherjee', 'Yadav', 'Pillai', 'Menon', 'Kapoor', 'Verma',
];
// Company domains weighted by how often they occur; everything else is webmail or noreply.
const ORG_DOMAINS = [
  'nvidia.com', 'google.com', 'intel.com', 'amd.com', 'meta.com', 'fb.com', 'microsoft.com', 'apple.com', 'huawei.com', 'alibaba-inc.com',
  'bytedance.com', 'redhat.com', 'ibm.com', 'arm.com', 'qti.qualcomm.com', 'samsung.com', 'huggingface.co', 'anyscale.com', 'databricks.com',
  'amazon.com', 'cerebras.net', 'graphcore.ai', 'sambanova.ai', 'modular.com', 'octoml.ai', 'neuralmagic.com', 'mosaicml.com', 'together.ai',
  'berkeley.edu', 'cs.cmu.edu', 'mit.edu', 'stanford.edu', 'tsinghua.edu.cn', 'ethz.ch', 'inria.fr', 'linaro.org', 'sifive.com', 'tenstorrent.com',
];
const WEBMAIL = ['gmail.com', 'gmail.com', 'gmail.com', 'outlook.com', 'hotmail.com', 'qq.com', '163.com', 'yahoo.com', 'protonmail.com', 'foxmail.com'];
const OFFSETS = [-480, -420, -300, -240, 0, 0, 60, 60, 120, 180, 330, 480, 480, 480, 540, 540];

export interface Person {
  name: string;
  login: string;
  /** Addresses in order of use: [0] most commits; [1] and [2] only for some people. */
  emails: string[];
  /** The author's UTC offset in minutes. */
  offset: number;
}

function lower(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Person `id` under `seed`. Names repeat (about 12,000 first × last pairs, the rest
 * with a middle initial), as real common names do; addresses never collide because
 * the login carries the id.
 */
export function personOf(seed: number, id: number): Person {
  const h = hash(seed, 17, id);
  const first = FIRST[h % FIRST.length]!;
  const last = LAST[(h >>> 8) % LAST.length]!;
  const h2 = hash(seed, 18, id);
  const middle = h2 % 4 === 0 ? ` ${String.fromCharCode(65 + ((h2 >>> 4) % 26))}.` : '';
  const name = `${first}${middle} ${last}`;
  const login = `${lower(first)}-${lower(last)}${id.toString(36)}`;
  const kind = (h2 >>> 10) % 100;
  const noreply = `${100000 + id * 7}+${login}@users.noreply.github.com`;
  const org = ORG_DOMAINS[(h2 >>> 17) % ORG_DOMAINS.length]!;
  const web = WEBMAIL[(h2 >>> 22) % WEBMAIL.length]!;
  const work = `${lower(first)}.${lower(last)}${id % 97 === 0 ? '' : id.toString(36)}@${org}`;
  const personal = `${login.replace('-', '.')}@${web}`;
  // 45 % company address first, 30 % webmail, 25 % GitHub noreply (web-UI commits).
  const primary = kind < 45 ? work : kind < 75 ? personal : noreply;
  const second = kind < 45 ? personal : kind < 75 ? noreply : work;
  const third = kind % 3 === 0 ? `${login}@users.noreply.github.com` : noreply;
  return { name, login, emails: [primary, second, third], offset: OFFSETS[(h >>> 20) % OFFSETS.length]! };
}
