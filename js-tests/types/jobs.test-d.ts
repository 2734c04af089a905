// Type test for tim-edge/jobs (checked by `tsc -p js-tests/types`, never run).
import { TimClient } from '../../pkg/index';
import { runJob, jobStatus, cloudflareJobs, Planner, type JobSpec, type JobStatus } from '../../pkg/jobs';

const client = new TimClient({ sdkAppId: 1400000000, key: 'k' });
const job: JobSpec = {
  id: 'spring',
  endpoint: 'openim/sendmsg',
  body: { From_Account: 'news', MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'hi' } }] },
  quotas: { 'openim/sendmsg': [{ limit: 200, windowMs: 1000 }] },
};
export const done: Promise<JobStatus> = runJob({ client, job, items: ['alice', 'bob'], checkpoint: './spring.ckpt' });
export const later: Promise<JobStatus | null> = jobStatus('./spring.ckpt', { limit: 10 });
export const plan = new Planner(job).prepare(['alice']).plan.expectedMs;
// @ts-expect-error not a bulk endpoint
export const bad: JobSpec = { id: 'x', endpoint: 'openim/admin_getroammsg' };
const jobs = cloudflareJobs({ ledgers: {}, limiter: {}, client });
export const started: Promise<JobStatus> = jobs.start({ job, items: ['alice'], runner: 'queue' });
// @ts-expect-error runner is 'workflow' or 'queue'
jobs.start({ job, items: [], runner: 'cron' });
