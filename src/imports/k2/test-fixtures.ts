// Test fixtures: a Joomla 3 + K2 schema in a MariaDB database of the test's own, and our own
// short news items for two installs (an English and an Indonesian one, told apart by their
// table prefix, with the same ids in both), with their image files in a Joomla folder each.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { k2ImageHash } from './files.ts';

/** The MariaDB server the tests use (root, no password). */
export const MARIADB = { host: '127.0.0.1', port: 3306, user: 'root' } as const;

/** A database of the test's own on the server, dropped by `drop()`. */
export interface K2Database {
  readonly name: string;
  readonly url: string;
  readonly connection: mysql.Connection;
  drop(): Promise<void>;
}

/** Creates `warta_k2_<pid>_<n>`; undefined (with why) when the server cannot be reached. */
export async function createK2Database(): Promise<K2Database | { unreachable: string }> {
  let server: mysql.Connection;
  try {
    server = await mysql.createConnection({ ...MARIADB, connectTimeout: 3000 });
  } catch (error) {
    return { unreachable: error instanceof Error ? error.message : String(error) };
  }
  const name = `warta_k2_${process.pid}_${Date.now() % 100_000}`;
  await server.query(`create database \`${name}\` character set utf8mb4 collate utf8mb4_unicode_ci`);
  await server.query(`use \`${name}\``);
  return {
    name,
    url: `mysql://${MARIADB.user}@${MARIADB.host}:${MARIADB.port}/${name}`,
    connection: server,
    async drop() {
      await server.query(`drop database if exists \`${name}\``);
      await server.end();
    },
  };
}

/** The tables of a Joomla 3 + K2 install with this prefix (the columns K2 has that the importer reads, and a few more). */
export async function createK2Schema(db: mysql.Connection, prefix: string): Promise<void> {
  const statements = [
    `create table ${prefix}users (id int primary key auto_increment, name varchar(400) not null default '',
       username varchar(150) not null default '', email varchar(100) not null default '',
       password varchar(100) not null default '', block tinyint not null default 0,
       registerDate datetime not null default '0000-00-00 00:00:00', params mediumtext)`,
    `create table ${prefix}k2_users (id int primary key auto_increment, userID int not null, userName varchar(255),
       gender enum('m','f','n') not null default 'n', description text not null, image varchar(255),
       url varchar(255), \`group\` int not null default 0, plugins text, ip varchar(45), hostname varchar(255), notes text)`,
    `create table ${prefix}k2_categories (id int primary key auto_increment, name varchar(255) not null,
       alias varchar(255) not null, description text not null, parent int default 0, extraFieldsGroup int not null default 0,
       published smallint not null default 0, access int not null default 0, ordering int not null default 0,
       image varchar(255) not null default '', params text, trash smallint not null default 0, plugins text,
       language char(7) not null default '*')`,
    `create table ${prefix}k2_items (id int primary key auto_increment, title varchar(255) not null, alias varchar(255),
       catid int not null, published smallint not null default 0, introtext mediumtext not null, \`fulltext\` mediumtext not null,
       video text, gallery varchar(255), extra_fields text, extra_fields_search text,
       created datetime not null, created_by int not null default 0, created_by_alias varchar(255) not null default '',
       checked_out int not null default 0, checked_out_time datetime not null default '0000-00-00 00:00:00',
       modified datetime not null default '0000-00-00 00:00:00', modified_by int not null default 0,
       publish_up datetime not null default '0000-00-00 00:00:00', publish_down datetime not null default '0000-00-00 00:00:00',
       trash smallint not null default 0, access int not null default 1, ordering int not null default 0,
       featured smallint not null default 0, featured_ordering int not null default 0,
       image_caption text not null, image_credits varchar(255) not null default '',
       video_caption text, video_credits varchar(255), hits int not null default 0, params text,
       metadesc text not null, metadata text, metakey text, plugins text, language char(7) not null default '*')`,
    `create table ${prefix}k2_tags (id int primary key auto_increment, name varchar(255), published smallint not null default 0)`,
    `create table ${prefix}k2_tags_xref (id int primary key auto_increment, tagID int not null, itemID int not null)`,
    `create table ${prefix}k2_rating (itemID int primary key, rating_sum int unsigned not null default 0,
       rating_count int unsigned not null default 0, lastip varchar(50) not null default '')`,
  ];
  // MariaDB's strict mode refuses the zero dates K2's own schema uses as "none".
  await db.query(`set session sql_mode = ''`);
  for (const statement of statements) await db.query(statement);
}

/** An item as a test writes it; what is left out takes K2's defaults. */
export interface FixtureItem {
  id: number;
  title: string;
  alias: string;
  catid: number;
  published?: number;
  trash?: number;
  featured?: number;
  introtext: string;
  fulltext?: string;
  created: string;
  created_by: number;
  created_by_alias?: string;
  modified?: string;
  publish_up?: string;
  publish_down?: string;
  image_caption?: string;
  image_credits?: string;
  hits?: number;
  metadesc?: string;
}

/** One install's content. */
export interface FixtureSite {
  users: { id: number; name: string; username: string; email: string; bio?: string }[];
  categories: { id: number; name: string; alias: string; parent: number; trash?: number; description?: string }[];
  tags: { id: number; name: string; published?: number }[];
  items: FixtureItem[];
  /** item id → tag ids */
  itemTags: Record<number, number[]>;
  ratings: { itemID: number; rating_sum: number; rating_count: number }[];
}

/** Writes an install's rows. */
export async function insertK2Site(db: mysql.Connection, prefix: string, site: FixtureSite): Promise<void> {
  for (const u of site.users) {
    await db.query(`insert into ${prefix}users (id, name, username, email) values (?, ?, ?, ?)`, [
      u.id,
      u.name,
      u.username,
      u.email,
    ]);
    if (u.bio !== undefined)
      await db.query(`insert into ${prefix}k2_users (userID, userName, description) values (?, ?, ?)`, [
        u.id,
        u.name,
        u.bio,
      ]);
  }
  for (const c of site.categories) {
    await db.query(
      `insert into ${prefix}k2_categories (id, name, alias, description, parent, published, trash, ordering) values (?, ?, ?, ?, ?, 1, ?, ?)`,
      [c.id, c.name, c.alias, c.description ?? '', c.parent, c.trash ?? 0, c.id],
    );
  }
  for (const tag of site.tags)
    await db.query(`insert into ${prefix}k2_tags (id, name, published) values (?, ?, ?)`, [
      tag.id,
      tag.name,
      tag.published ?? 1,
    ]);
  for (const i of site.items) {
    await db.query(
      `insert into ${prefix}k2_items (id, title, alias, catid, published, trash, featured, introtext, \`fulltext\`,
         created, created_by, created_by_alias, modified, publish_up, publish_down, image_caption, image_credits,
         hits, metadesc) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        i.id,
        i.title,
        i.alias,
        i.catid,
        i.published ?? 1,
        i.trash ?? 0,
        i.featured ?? 0,
        i.introtext,
        i.fulltext ?? '',
        i.created,
        i.created_by,
        i.created_by_alias ?? '',
        i.modified ?? '0000-00-00 00:00:00',
        i.publish_up ?? '0000-00-00 00:00:00',
        i.publish_down ?? '0000-00-00 00:00:00',
        i.image_caption ?? '',
        i.image_credits ?? '',
        i.hits ?? 0,
        i.metadesc ?? '',
      ],
    );
  }
  for (const [itemId, tagIds] of Object.entries(site.itemTags))
    for (const tagId of tagIds)
      await db.query(`insert into ${prefix}k2_tags_xref (tagID, itemID) values (?, ?)`, [tagId, Number(itemId)]);
  for (const r of site.ratings)
    await db.query(`insert into ${prefix}k2_rating (itemID, rating_sum, rating_count, lastip) values (?, ?, ?, '')`, [
      r.itemID,
      r.rating_sum,
      r.rating_count,
    ]);
}

/** A small JPEG of one colour, `width` × `height`. */
export async function makeJpeg(width: number, height: number, rgb: [number, number, number]): Promise<Buffer> {
  const { default: sharp } = await import('sharp');
  return sharp({ create: { width, height, channels: 3, background: { r: rgb[0], g: rgb[1], b: rgb[2] } } })
    .jpeg()
    .toBuffer();
}

/** A temporary Joomla folder; `put` writes a file under it. */
export async function makeJoomlaFolder(): Promise<{
  root: string;
  put(relative: string, data: Buffer): Promise<void>;
  remove(): Promise<void>;
}> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'warta-joomla-'));
  return {
    root,
    async put(relative, data) {
      const file = path.join(root, relative);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, data);
    },
    remove: () => fs.rm(root, { recursive: true, force: true }),
  };
}

/** Where an item's original image goes, and one of its cached copies. */
export const k2Files = {
  original: (id: number) => `media/k2/items/src/${k2ImageHash(id)}.jpg`,
  cached: (id: number, size: string) => `media/k2/items/cache/${k2ImageHash(id)}_${size}.jpg`,
};
