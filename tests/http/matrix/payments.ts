// Fixtures of the authorization matrix for the ledger of an enrolment.
import type { Fixture, World } from "./foundation.ts";
import { parisIsoDay } from "../../../src/domain/time.ts";

export const PAYMENT_FIXTURES: Fixture[] = [
  // A valid contribution payment: the enrolment in scope answers 303, the one out of scope 404.
  {
    method: "POST",
    path: "/enrolments/:id/payments",
    target: { inScope: (w: World) => w.home.enrolment.id, outOfScope: (w: World) => w.away.enrolment.id },
    body: { payer: "YOUTH", amount: "10,00", paidOn: parisIsoDay(new Date()), label: "Matrice" },
  },
];
