import type { Request, Response } from "express";
import { actorOf } from "../../auth/middleware.ts";
import { FormError } from "../../http/errors.ts";
import { formAction, type FormPage } from "../../http/form-action.ts";
import type { FormValues } from "../../http/forms.ts";
import { setFlash } from "../../http/flash.ts";
import { ROLE_LABELS } from "../../domain/enums.ts";
import { CODE_VALIDITY_DAYS } from "../../auth/activation-codes.ts";
import { accountPrefillSchema, accountSearchSchema, createAccountSchema } from "./schemas.ts";
import * as accounts from "./service.ts";
import type { Route } from "../../http/routes.ts";

async function list(req: Request, res: Response) {
  const filters = accountSearchSchema.parse(req.query);
  const result = await accounts.listAccounts(actorOf(req), filters);
  res.render("accounts/list", { title: "Comptes", ...result, filters, roleLabels: ROLE_LABELS });
}

async function renderNew(req: Request, res: Response, page: FormPage) {
  const options = await accounts.accountFormOptions(actorOf(req));
  res.render("accounts/new", { title: "Créer un compte", ...options, roleLabels: ROLE_LABELS, ...page });
}

async function showNew(req: Request, res: Response) {
  const { youthRef, ...staff } = accountPrefillSchema.parse(req.query);
  const values: FormValues = youthRef
    ? { role: "YOUTH", youthRef }
    : Object.fromEntries(Object.entries(staff).filter((entry): entry is [string, string] => entry[1] !== undefined));
  await renderNew(req, res, { values, errors: {} });
}

/** The printable letter, in the response of the POST that made the code: the code is never
 * stored anywhere but as its hash, and this response is never cached. */
async function renderLetter(req: Request, res: Response, issued: accounts.IssuedCode) {
  const recipient = await accounts.letterRecipient(actorOf(req), issued.userId);
  res.setHeader("Cache-Control", "no-store");
  res.render("accounts/letter", { title: "Courrier d'accès", recipient, code: issued, validityDays: CODE_VALIDITY_DAYS });
}

const create = formAction({
  schema: createAccountSchema,
  act: (actor, form) => accounts.createAccount(actor, form),
  rejected: renderNew,
  respond: renderLetter,
});

async function show(req: Request, res: Response) {
  const account = await accounts.findAccount(actorOf(req), String(req.params.id));
  res.render("accounts/show", { title: account.displayName, account, roleLabels: ROLE_LABELS });
}

/** A code is shown once and not kept: this page explains that and offers to issue a new one. */
async function letter(req: Request, res: Response) {
  const recipient = await accounts.letterRecipient(actorOf(req), String(req.params.id));
  res.render("accounts/letter", { title: "Courrier d'accès", recipient, code: undefined, validityDays: CODE_VALIDITY_DAYS });
}

async function issueCode(req: Request, res: Response) {
  const issued = await accounts.issueNewCode(actorOf(req), String(req.params.id));
  await renderLetter(req, res, issued);
}

async function deactivate(req: Request, res: Response) {
  const id = String(req.params.id);
  try {
    await accounts.deactivateAccount(actorOf(req), id);
    setFlash(res, "Le compte est désactivé. Ses sessions sont fermées.");
  } catch (error) {
    if (!(error instanceof FormError)) throw error;
    setFlash(res, error.message);
  }
  res.redirect(303, `/accounts/${id}`);
}

export const ACCOUNT_ROUTES: readonly Route[] = [
  { method: "get", path: "/accounts", permission: "account:list", handler: list, audit: { kind: "list", entity: "User" } },
  { method: "get", path: "/accounts/new", permission: "account:create", handler: showNew },
  { method: "post", path: "/accounts", permission: "account:create", handler: create },
  { method: "get", path: "/accounts/:id", permission: "account:list", handler: show, audit: { kind: "record", entity: "User" } },
  {
    method: "get",
    path: "/accounts/:id/letter",
    permission: "account:issue-code",
    handler: letter,
    audit: { kind: "record", entity: "User" },
  },
  { method: "post", path: "/accounts/:id/codes", permission: "account:issue-code", handler: issueCode },
  { method: "post", path: "/accounts/:id/deactivate", permission: "account:deactivate", handler: deactivate },
];
