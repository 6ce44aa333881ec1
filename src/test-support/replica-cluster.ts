import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { appendFile, chown, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The folder of Debian's PostgreSQL server programs (initdb, pg_ctl, pg_basebackup), if installed. */
export function postgresBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((name) => existsSync(path.join(root, name, 'bin', 'pg_basebackup')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface ReplicatedCluster {
  primaryUrl: string;
  replicaUrl: string;
  /** Stops the replica (fast shutdown), as when it fails or is taken down. */
  stopReplica(): Promise<void>;
  /** Stops both servers and removes their files. */
  stop(): Promise<void>;
}

/**
 * A PostgreSQL primary and a streaming replica made from it with pg_basebackup, both on 127.0.0.1
 * on free ports, in a temporary folder: Debian's own tools, nothing else. The servers run as the
 * `postgres` system user when this process is root (PostgreSQL refuses to run as root).
 */
export async function startReplicatedCluster(): Promise<ReplicatedCluster> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL server programs not found under /usr/lib/postgresql');
  const asRoot = process.getuid?.() === 0;
  const exec = (program: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', path.join(bin, program), ...args])
      : run(path.join(bin, program), args);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'passage-replica-'));
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: group } = await run('id', ['-g', 'postgres']);
    await chown(dir, Number(stdout.trim()), Number(group.trim()));
  }
  const primaryDir = path.join(dir, 'primary');
  const replicaDir = path.join(dir, 'replica');
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const serverOptions = (port: number) => `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const started: string[] = [];
  const stopServer = async (dataDir: string, mode: 'fast' | 'immediate') => {
    if (!started.includes(dataDir)) return;
    started.splice(started.indexOf(dataDir), 1);
    await exec('pg_ctl', ['-D', dataDir, '-m', mode, '-w', 'stop']).catch(() => undefined);
  };
  try {
    // initdb's pg_hba.conf lets local and 127.0.0.1 connections, replication included, in with trust.
    await exec('initdb', ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
    await appendFile(primaryDir + '/postgresql.conf', '\nwal_level = replica\nmax_wal_senders = 4\n');
    await exec('pg_ctl', [
      '-D',
      primaryDir,
      '-o',
      serverOptions(primaryPort),
      '-l',
      `${dir}/primary.log`,
      '-w',
      'start',
    ]);
    started.push(primaryDir);
    // -R writes the standby settings (primary_conninfo and standby.signal); -X stream copies WAL alongside.
    await exec('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(primaryPort),
      '-U',
      'postgres',
      '-D',
      replicaDir,
      '-R',
      '-X',
      'stream',
      '--no-sync',
    ]);
    await exec('pg_ctl', [
      '-D',
      replicaDir,
      '-o',
      serverOptions(replicaPort),
      '-l',
      `${dir}/replica.log`,
      '-w',
      'start',
    ]);
    started.push(replicaDir);
  } catch (error) {
    await stopServer(replicaDir, 'immediate');
    await stopServer(primaryDir, 'immediate');
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    primaryUrl: `postgres://postgres@127.0.0.1:${primaryPort}/postgres`,
    replicaUrl: `postgres://postgres@127.0.0.1:${replicaPort}/postgres`,
    stopReplica: () => stopServer(replicaDir, 'fast'),
    async stop() {
      await stopServer(replicaDir, 'immediate');
      await stopServer(primaryDir, 'immediate');
      await rm(dir, { recursive: true, force: true });
    },
  };
}
