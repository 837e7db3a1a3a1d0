// /newsroom/integrity/documents: an edition's documents, uploading one (multipart; the file's
// type read from its bytes), editing its text, category, year and publication, replacing its file,
// deleting it after a confirmation page. Admins, the edition's editors and integrity officers
// ('integrity.manage'), checked for the document's own edition on every route. Bad input shows
// the form again with every problem and keeps nothing, the uploaded file included.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { writerAs } from '../../accounts/index.ts';
import type { DomainRoutes } from '../../context.ts';
import { AppError } from '../../core/http/errors.ts';
import { InputError } from '../../core/validation.ts';
import {
  chosenEdition,
  editionChoice,
  editionsFor,
  newsroomPage,
  requirePermission,
  seeOther,
  sendHtml,
  type EditionChoice,
} from '../../newsroom/index.ts';
import {
  createDocument,
  deleteDocument,
  documentProblems,
  updateDocument,
  type DocumentInput,
  type DocumentProblems,
  type StoredDocumentFile,
} from './commands.ts';
import { sniffDocument } from './file-type.ts';
import { documentStorage, downloadName, storeDocumentFile } from './files.ts';
import type { IntegrityDocument } from './model.ts';
import { text } from './newsroom-text.ts';
import { findDocument, listNewsroomDocuments } from './queries.ts';
import { readDocumentForm, registerDocumentUploads, uploadedFile } from './upload-form.ts';
import { DeleteDocumentPage, DocumentFormPage, DocumentsPage } from './views/newsroom-pages.tsx';
import { MAX_DOCUMENT_BYTES } from './model.ts';

type Query = Record<string, unknown>;

/** Documents the list shows at most (newest year first). */
const LIST_SIZE = 500;
const ACTION = 'integrity.manage';
const BASE = '/newsroom/integrity/documents';

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function field(body: unknown, name: string): string {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
}

/** A positive id from the address, else undefined. */
function idOf(value: string): number | undefined {
  return /^[1-9]\d{0,9}$/.test(value) && Number(value) < 2 ** 31 ? Number(value) : undefined;
}

function inputOf(body: unknown): DocumentInput {
  return {
    title: field(body, 'title'),
    description: field(body, 'description'),
    category: field(body, 'category'),
    year: field(body, 'year'),
    isPublished: field(body, 'isPublished') !== '',
  };
}

function valuesOf(doc: IntegrityDocument): DocumentInput {
  const { title, description, category, isPublished } = doc;
  return { title, description, category, year: String(doc.year), isPublished };
}

function noticeOf(query: Query): string | undefined {
  const done = textOf(query.done);
  return done && Object.hasOwn(text.done, done) ? text.done[done as keyof typeof text.done] : undefined;
}

export const documentNewsroomRoutes: DomainRoutes = async (app, { ctx }) => {
  const storage = documentStorage(ctx.config.dataDir);

  app.addHook('preHandler', async (request) => {
    requirePermission(request, ACTION);
  });

  /** The document of the address, if this user may keep documents of its edition. */
  const loadDocument = async (request: FastifyRequest<{ Params: { id: string } }>) => {
    const id = idOf(request.params.id);
    const doc = id ? await findDocument(ctx.db, id) : undefined;
    if (!doc) throw new AppError('not_found', 'There is no such document.');
    const staff = requirePermission(request, ACTION, { edition: doc.edition });
    return { staff, doc };
  };

  const renderForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    edition: EditionChoice,
    values: DocumentInput,
    extra: { problems?: DocumentProblems; doc?: IntegrityDocument; notice?: string } = {},
    status = 200,
  ) =>
    sendHtml(
      reply,
      <DocumentFormPage page={await newsroomPage(ctx, request)} edition={edition} values={values} {...extra} />,
      status,
    );

  app.get<{ Querystring: Query }>('/integrity/documents', async (request, reply) => {
    const staff = requirePermission(request, ACTION);
    const edition = chosenEdition(ctx, request, ACTION, textOf(request.query.edition));
    const documents = await listNewsroomDocuments(ctx.db, edition.code, LIST_SIZE);
    return sendHtml(
      reply,
      <DocumentsPage
        page={await newsroomPage(ctx, request)}
        editions={editionsFor(ctx, staff, ACTION)}
        edition={edition}
        documents={documents}
        notice={noticeOf(request.query)}
      />,
    );
  });

  app.get<{ Querystring: Query }>('/integrity/documents/new', async (request, reply) => {
    const edition = chosenEdition(ctx, request, ACTION, textOf(request.query.edition));
    const values = {
      title: '',
      description: '',
      category: '',
      year: String(ctx.now().getUTCFullYear()),
      isPublished: true,
    };
    return renderForm(request, reply, edition, values);
  });

  app.get<{ Params: { id: string }; Querystring: Query }>('/integrity/documents/:id', async (request, reply) => {
    const { doc } = await loadDocument(request);
    return renderForm(request, reply, editionChoice(ctx, doc.edition), valuesOf(doc), {
      doc,
      notice: noticeOf(request.query),
    });
  });

  /**
   * The posted file, checked and kept in the store, or the problem with it (and the status it
   * calls for: 413 too large, 415 not a document the library takes). Only called once the text
   * has no problems, so a refused form keeps no file.
   */
  const keepUpload = async (
    request: FastifyRequest,
    isRequired: boolean,
  ): Promise<{ file?: StoredDocumentFile; problem?: string; status: number }> => {
    const upload = uploadedFile(request);
    if (upload?.problem) return { problem: upload.problem, status: 413 };
    if (!upload?.bytes) return isRequired ? { problem: text.noFile, status: 400 } : { status: 200 };
    const sniffed = sniffDocument(upload.bytes);
    if ('refusal' in sniffed) return { problem: sniffed.refusal, status: 415 };
    const stored = await storeDocumentFile(storage, upload.bytes, sniffed.type);
    return {
      file: {
        file: stored,
        fileName: downloadName(upload.filename, sniffed.type),
        contentType: sniffed.type,
        bytes: upload.bytes.length,
      },
      status: 200,
    };
  };

  const removeStored = (file: StoredDocumentFile | undefined) =>
    file ? storage.remove(file.file).catch(() => undefined) : Promise.resolve();

  // The form posts: multipart (with the file) in this encapsulated plugin; an edit without a new
  // file may come urlencoded too.
  await app.register(async (forms) => {
    await registerDocumentUploads(forms);
    const bodyLimit = MAX_DOCUMENT_BYTES + 1024 * 1024;

    forms.post('/integrity/documents', { bodyLimit, preValidation: readDocumentForm }, async (request, reply) => {
      const asked = field(request.body, 'edition').trim();
      // Another edition's staff are refused outright, as any write there.
      if (asked !== '') requirePermission(request, ACTION, { edition: asked });
      const edition = chosenEdition(ctx, request, ACTION, asked || undefined);
      const values = inputOf(request.body);
      const problems = documentProblems(values, ctx.now());
      const upload = problems.size === 0 ? await keepUpload(request, true) : undefined;
      if (upload?.problem) problems.set('file', [upload.problem]);
      if (problems.size > 0 || !upload?.file)
        return renderForm(request, reply, edition, values, { problems }, upload?.problem ? upload.status : 400);
      try {
        const staff = requirePermission(request, ACTION, { edition: edition.code });
        const doc = await createDocument(writerAs(ctx, staff.id), edition.code, values, upload.file);
        return seeOther(reply, `${BASE}/${doc.id}?done=created`);
      } catch (error) {
        await removeStored(upload.file);
        if (!(error instanceof InputError)) throw error;
        return renderForm(request, reply, edition, values, { problems: new Map([['form', [...error.problems]]]) }, 400);
      }
    });

    forms.post<{ Params: { id: string } }>(
      '/integrity/documents/:id',
      { bodyLimit, preValidation: readDocumentForm },
      async (request, reply) => {
        const { staff, doc } = await loadDocument(request);
        const edition = editionChoice(ctx, doc.edition);
        const values = inputOf(request.body);
        const problems = documentProblems(values, ctx.now());
        const upload = problems.size === 0 ? await keepUpload(request, false) : undefined;
        if (upload?.problem) problems.set('file', [upload.problem]);
        if (problems.size > 0)
          return renderForm(request, reply, edition, values, { problems, doc }, upload?.problem ? upload.status : 400);
        try {
          const { replacedFile } = await updateDocument(writerAs(ctx, staff.id), doc.id, values, upload?.file);
          // The old file is linked from nowhere once the change has committed.
          if (replacedFile) await storage.remove(replacedFile).catch(() => undefined);
          return seeOther(reply, `${BASE}/${doc.id}?done=saved`);
        } catch (error) {
          await removeStored(upload?.file);
          if (!(error instanceof InputError)) throw error;
          return renderForm(
            request,
            reply,
            edition,
            values,
            { problems: new Map([['form', [...error.problems]]]), doc },
            400,
          );
        }
      },
    );
  });

  app.get<{ Params: { id: string } }>('/integrity/documents/:id/delete', async (request, reply) => {
    const { doc } = await loadDocument(request);
    return sendHtml(reply, <DeleteDocumentPage page={await newsroomPage(ctx, request)} doc={doc} />);
  });

  app.post<{ Params: { id: string } }>('/integrity/documents/:id/delete', async (request, reply) => {
    const { staff, doc } = await loadDocument(request);
    const { file } = await deleteDocument(writerAs(ctx, staff.id), doc.id);
    // After the commit: a failed deletion never leaves a document without its file.
    if (file) await storage.remove(file).catch(() => undefined);
    return seeOther(reply, `${BASE}?edition=${encodeURIComponent(doc.edition)}&done=deleted`);
  });
};
