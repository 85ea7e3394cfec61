// "Prochaine étape" on /me: the one thing the young person should do now, in one short sentence
// ("vous", plain words). The first rule that applies wins: a person reads one idea at a time.
import { formatMoment } from "./time.ts";

export type NextStepFacts = {
  /** Where the latest application stands, as the youth is told it (applications' ownApplication). */
  application: {
    state: "NONE" | "PENDING" | "SELECTED" | "WAITLISTED" | "OTHER";
    confirmed: boolean;
    canConfirm: boolean;
    infoMeeting: { startsAt: Date; place: string } | null;
  };
  /** The current training, or null before the youth is enrolled in a driving school. */
  training: {
    status: "ACTIVE" | "SUSPENDED" | "COMPLETED" | "DROPPED";
    licenceObtained: boolean;
    theoryPassed: boolean;
    /** The next lesson still planned (not cancelled, no absence announced). */
    nextLessonAt: Date | null;
    minutesDone: number;
    forecastMinutes: number;
  } | null;
};

export type NextStep = { key: string; text: string; link: { href: string; label: string } | null };

const step = (key: string, text: string, link: NextStep["link"] = null): NextStep => ({ key, text, link });

export function nextStepOf(facts: NextStepFacts, now: Date): NextStep {
  const { training, application } = facts;
  if (training) {
    if (training.licenceObtained) return step("LICENCE", "Bravo, vous avez le permis ! Votre conseiller·ère vous appellera pour la suite.");
    if (training.status === "SUSPENDED") return step("SUSPENDED", "Votre formation est en pause. Appelez votre conseiller·ère.");
    if (training.status !== "ACTIVE")
      return step("ENDED", "Votre formation est terminée. Appelez votre conseiller·ère si vous avez une question.");
    if (training.nextLessonAt && training.nextLessonAt > now) {
      return step("NEXT_LESSON", `Votre prochaine leçon : ${formatMoment(training.nextLessonAt)}.`);
    }
    if (!training.theoryPassed)
      return step("REVISE_THEORY", "Révisez le code de la route. Demandez à votre auto-école quand passer l'examen.");
    if (training.forecastMinutes > 0 && training.minutesDone >= training.forecastMinutes) {
      return step("BOOK_EXAM", "Vous avez fait vos heures de conduite. Demandez à votre auto-école une date d'examen.");
    }
    return step("PLAN_LESSON", "Appelez votre auto-école pour prévoir votre prochaine leçon.");
  }
  switch (application.state) {
    case "NONE":
      return step("APPLY", "Parlez à votre conseiller·ère de la Mission Locale pour vous inscrire.");
    case "PENDING":
      return step("WAIT_DRAW", "Attendez le résultat du tirage au sort. Vous le verrez ici.");
    case "WAITLISTED":
      return step("WAITLIST", "Vous êtes sur la liste d'attente. Si une place se libère, votre conseiller·ère vous appellera.");
    case "OTHER":
      return step("ASK_REFERENT", "Appelez votre conseiller·ère pour savoir la suite.");
    case "SELECTED":
      if (application.confirmed)
        return step("WAIT_SCHOOL", "Votre conseiller·ère va vous inscrire dans une auto-école. Elle vous appellera.");
      if (application.canConfirm) {
        return step("CONFIRM", "Confirmez vos engagements.", { href: "/me/commitments", label: "Confirmer mes engagements" });
      }
      if (application.infoMeeting && application.infoMeeting.startsAt > now) {
        return step(
          "INFO_MEETING",
          `Venez à la réunion d'information ${formatMoment(application.infoMeeting.startsAt)}, ${application.infoMeeting.place}.`,
        );
      }
      return step("WAIT_MEETING", "Votre conseiller·ère vous dira la date de la réunion d'information.");
  }
}
