// Documents (PDF) and videos (MP4) uploaded by the coordinator. Their type is read from their first
// bytes, never from their name or the browser's Content-Type; they are kept outside public/, under
// names the server chose, and served by a route that states their type (see docs/resources.md).
import { randomBytes } from "node:crypto";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { RequestHandler } from "express";
import multer from "multer";
import { can } from "../../auth/policy.ts";
import { config } from "../../config.ts";

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
const UPLOAD_TOO_LARGE = "Le fichier dépasse 20 Mo : réduisez-le (export PDF compressé, vidéo plus courte) puis réessayez.";
const UPLOAD_REFUSED = "L'envoi du fichier n'a pas abouti : réessayez avec un seul fichier de 20 Mo au plus.";

export type FileType = "application/pdf" | "video/mp4";

/** The type of a file from its content: "%PDF-" at the start, or an ISO media "ftyp" box at
 * offset 4 (MP4); anything else is refused, whatever its name says. */
export function detectFileType(content: Buffer): FileType | null {
  if (content.subarray(0, 5).toString("latin1") === "%PDF-") return "application/pdf";
  if (content.length >= 12 && content.subarray(4, 8).toString("latin1") === "ftyp") return "video/mp4";
  return null;
}

const EXTENSIONS: Record<FileType, string> = { "application/pdf": ".pdf", "video/mp4": ".mp4" };

/** The name a file is served under: letters, digits, dashes and dots only (no quote, slash or
 * line break can reach the Content-Disposition header), with the extension of its real type. */
export function safeFileName(original: string, type: FileType): string {
  const base = path
    .basename(original)
    .replace(/\.[^.]*$/, "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "")
    .slice(0, 80);
  return `${base || "fichier"}${EXTENSIONS[type]}`;
}

function uploadPath(key: string): string {
  // Keys are made here (hex + extension): a stored key never names a path outside the folder.
  if (!/^[a-f0-9]{32}\.(pdf|mp4)$/.test(key)) throw new Error(`invalid upload key ${key}`);
  return path.join(config().uploadDir, key);
}

/** Writes an uploaded file under a new random name (written aside, then renamed: a reader never
 * sees half a file) and returns that name. */
export async function storeUpload(content: Buffer, type: FileType): Promise<string> {
  const key = `${randomBytes(16).toString("hex")}${EXTENSIONS[type]}`;
  const target = uploadPath(key);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(`${target}.part`, content, { mode: 0o600 });
  await rename(`${target}.part`, target);
  return key;
}

/** Where a stored upload is, to be sent (with its byte ranges: a video is read in pieces): its
 * name relative to the upload folder, which may itself sit under a dot-folder. */
export function uploadFile(key: string): { root: string; name: string } {
  return { root: path.dirname(uploadPath(key)), name: key };
}

/** The parsed upload of a request, or why it was refused while being read. */
export type UploadOutcome = { file?: { buffer: Buffer; originalname: string }; refusal?: { status: number; message: string } };

const parser = multer({
  storage: multer.memoryStorage(),
  // Browsers send a file's name in UTF-8 without saying so ("été.pdf", not "Ã©tÃ©.pdf").
  defParamCharset: "utf8",
  limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 20, fieldSize: 200 * 1024, parts: 25 },
}).single("file");

const UPLOADS = new WeakMap<object, UploadOutcome>();

/** What uploadParser read from this request (nothing for a form that is not multipart). */
export function uploadOf(req: object): UploadOutcome {
  return UPLOADS.get(req) ?? {};
}

/**
 * Reads a multipart form (the resource form) before the CSRF check, so that the check finds the
 * form's `_csrf` field in the body as for any other form. Only for a signed-in coordinator: for
 * anyone else the body stays unread and the CSRF check then refuses the request (403). A file
 * over the limit is not an error here: its refusal is kept for the route, which shows the form
 * again with the message (after the CSRF check has passed).
 */
export const uploadParser: RequestHandler = (req, res, next) => {
  if (req.method !== "POST" || !req.is("multipart/form-data") || !can(req.user, "resource:manage")) return next();
  parser(req, res, (error: unknown) => {
    const file = req.file ? { buffer: req.file.buffer, originalname: req.file.originalname } : undefined;
    if (!error) {
      UPLOADS.set(req, { file });
      return next();
    }
    const tooLarge = error instanceof multer.MulterError && error.code === "LIMIT_FILE_SIZE";
    UPLOADS.set(req, { refusal: tooLarge ? { status: 413, message: UPLOAD_TOO_LARGE } : { status: 422, message: UPLOAD_REFUSED } });
    next();
  });
};
