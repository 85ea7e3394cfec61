// Dates typed in forms and query strings (plausible windows, far-off years, Paris clock changes)
// and free text (control and bidirectional characters), through the real app.
import { describe, expect, it } from "vitest";
import { signedIn } from "../helpers/app.ts";
import { makeUser, makeWorld, PASSWORD, testDb } from "../helpers/factories.ts";
import { makeValidatedDraw } from "../helpers/lottery-factories.ts";
import { DAY, enrolledOn, makeLesson, minuteOf, parisFields } from "../helpers/school-factories.ts";
import { addMonths, parisIsoDay } from "../../src/domain/time.ts";

type World = Awaited<ReturnType<typeof makeWorld>>;

const RLO = "\u202E";
const daysFromNow = (days: number) => minuteOf(new Date(Date.now() + days * DAY));
const dayFromNow = (days: number) => parisIsoDay(new Date(Date.now() + days * DAY));

function lessonBody(world: World, fields: { date: string; time: string }) {
  return { enrolmentId: world.home.enrolment.id, ...fields, durationMin: "60", kind: "DRIVING" };
}

describe("GET /lessons/week — the week in the query string", () => {
  for (const week of ["9999-12-31", "0000-01-01", "2099-01-05", "1990-01-01", "pas-une-date", "2026-02-30"]) {
    it(`week view — week=${week} — 422 with a French message and the current week, never 500`, async () => {
      const world = await makeWorld();
      const { agent } = await signedIn(world.home.schoolUser.email, PASSWORD);

      const response = await agent.get(`/lessons/week?week=${week}`);

      expect(response.status).toBe(422);
      expect(response.text).toContain('class="error-summary"');
      expect(response.text).toMatch(/Cette (semaine n&#39;est pas affichable|année n&#39;est pas plausible)/);
      expect(response.text).toContain("Semaine du");
    });
  }

  it("week view — a week next month — 200", async () => {
    const world = await makeWorld();
    const { agent } = await signedIn(world.home.schoolUser.email, PASSWORD);
    expect((await agent.get(`/lessons/week?week=${dayFromNow(30)}`)).status).toBe(200);
  });

  it("week view — the week of 29 March 2026 — seven days from Monday 23, month names in lower case", async () => {
    const world = await makeWorld();
    await makeLesson(world.home.enrolment.id, { startsAt: new Date("2026-03-29T01:30:00Z"), instructorId: world.home.schoolUser.id }); // 03:30 summer time
    await makeLesson(world.home.enrolment.id, { startsAt: new Date("2026-03-29T22:30:00Z"), instructorId: world.home.schoolUser.id }); // Monday 30, 00:30
    const { agent } = await signedIn(world.home.schoolUser.email, PASSWORD);

    const page = await agent.get(`/lessons/week?instructorId=${world.home.schoolUser.id}&week=2026-03-29`);

    expect(page.status).toBe(200);
    expect(page.text).toContain("Semaine du 23/03/2026");
    expect(page.text).toContain("lundi 23 mars 2026");
    expect(page.text).toContain("dimanche 29 mars 2026");
    expect(page.text).not.toContain("lundi 30 mars 2026");
    expect(page.text).toContain("03:30");
    expect(page.text).not.toContain("00:30");
  });
});

describe("POST /lessons — the lesson's day", () => {
  it("plan a lesson — date 9999-12-31 — 422 with the French message beside the date, nothing stored", async () => {
    const world = await makeWorld();
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);

    const response = await agent
      .post("/lessons")
      .type("form")
      .send({ ...lessonBody(world, { date: "9999-12-31", time: "10:00" }), _csrf: csrf });

    expect(response.status).toBe(422);
    expect(response.text).toContain('id="date-error"');
    expect(response.text).toContain("Cette année n&#39;est pas plausible");
    expect(response.text).toContain('value="9999-12-31"');
    expect(await testDb.lesson.count({ where: { enrolmentId: world.home.enrolment.id } })).toBe(0);
  });

  it("plan a lesson — more than a year ahead — 422, at most one year", async () => {
    const world = await makeWorld();
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);

    const response = await agent
      .post("/lessons")
      .type("form")
      .send({ ...lessonBody(world, parisFields(daysFromNow(400))), _csrf: csrf });

    expect(response.status).toBe(422);
    expect(response.text).toContain("au plus un an à l&#39;avance");
    expect(await testDb.lesson.count({ where: { enrolmentId: world.home.enrolment.id } })).toBe(0);
  });

  it("plan a lesson — before the enrolment started — 422 naming the start day", async () => {
    const world = await makeWorld();
    await enrolledOn(world.home.enrolment.id, new Date("2026-09-14T08:00:00Z"));
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);

    const response = await agent
      .post("/lessons")
      .type("form")
      .send({ ...lessonBody(world, { date: "2026-09-13", time: "10:00" }), _csrf: csrf });

    expect(response.status).toBe(422);
    expect(response.text).toContain("a commencé le 14 septembre 2026");
    expect(await testDb.lesson.count({ where: { enrolmentId: world.home.enrolment.id } })).toBe(0);
  });

  it("plan a lesson — after the enrolment ended — 422 naming the end day", async () => {
    const world = await makeWorld();
    await enrolledOn(world.home.enrolment.id, new Date("2026-01-05T08:00:00Z"));
    await testDb.enrolment.update({
      where: { id: world.home.enrolment.id },
      data: { endedAt: new Date("2026-06-30T15:00:00Z"), status: "DROPPED" },
    });
    const { agent, csrf } = await signedIn(world.admin.email, PASSWORD);

    const response = await agent
      .post("/lessons")
      .type("form")
      .send({ ...lessonBody(world, { date: "2026-07-01", time: "10:00" }), _csrf: csrf });

    expect(response.status).toBe(422);
    expect(response.text).toContain("s&#39;est terminée le 30 juin 2026");
  });

  it("plan a lesson — on the enrolment's first day, typed JJ/MM/AAAA — 303, stored at that Paris time", async () => {
    const world = await makeWorld();
    await enrolledOn(world.home.enrolment.id, new Date("2026-10-25T06:00:00Z"));
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);

    const response = await agent
      .post("/lessons")
      .type("form")
      .send({ ...lessonBody(world, { date: "25/10/2026", time: "01:30" }), _csrf: csrf });

    expect(response.status).toBe(303);
    const lesson = await testDb.lesson.findFirstOrThrow({ where: { enrolmentId: world.home.enrolment.id } });
    expect(lesson.startsAt.toISOString()).toBe("2026-10-24T23:30:00.000Z");
  });

  it("plan a lesson — 02:30 on 28 March 2027, an hour the clocks skip — 422 beside the time", async () => {
    const world = await makeWorld();
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);

    const response = await agent
      .post("/lessons")
      .type("form")
      .send({ ...lessonBody(world, { date: "2027-03-28", time: "02:30" }), _csrf: csrf });

    expect(response.status).toBe(422);
    expect(response.text).toContain('id="time-error"');
    expect(response.text).toContain("Cette heure n&#39;existe pas ce jour-là");
  });
});

describe("POST /cohorts — the draw date", () => {
  const send = async (drawDate: string, name = `Promotion ${drawDate}`) => {
    const as = await signedIn((await makeUser("ADMIN")).email, PASSWORD);
    return as.agent.post("/cohorts").type("form").send({ name, drawDate, aidCap: "1000", contribution: "250", _csrf: as.csrf });
  };

  it("a cohort — draw date yesterday — 422, not in the past, nothing stored", async () => {
    const response = await send(dayFromNow(-1), "Promotion d'hier");
    expect(response.status).toBe(422);
    expect(response.text).toContain("La date du tirage ne peut pas être passée");
    expect(await testDb.cohort.count({ where: { name: "Promotion d'hier" } })).toBe(0);
  });

  it("a cohort — draw date four years ahead — 422, at most three years", async () => {
    const response = await send(dayFromNow(4 * 365));
    expect(response.status).toBe(422);
    expect(response.text).toContain("au plus trois ans à l&#39;avance");
  });

  it("a cohort — draw date 31/12/9999 — 422 with the French message, never 500", async () => {
    const response = await send("31/12/9999");
    expect(response.status).toBe(422);
    expect(response.text).toContain("Cette année n&#39;est pas plausible");
  });

  it("a cohort — draw date today, typed JJ/MM/AAAA — 303", async () => {
    const [year, month, day] = dayFromNow(0).split("-");
    expect((await send(`${day}/${month}/${year}`)).status).toBe(303);
  });
});

describe("POST /lottery/draws/:id/info-meeting — from the draw to six months after", () => {
  async function validatedDraw() {
    const { drawId, missionLocale } = await makeValidatedDraw({ applicants: 2, seats: 1 });
    const draw = await testDb.lotteryDraw.findUniqueOrThrow({ where: { id: drawId } });
    const referent = await signedIn((await makeUser("REFERENT", { missionLocaleId: missionLocale.id })).email, PASSWORD);
    const post = (startsAt: string, place = "Salle Jeanne-d'Arc") =>
      referent.agent.post(`/lottery/draws/${drawId}/info-meeting`).type("form").send({ startsAt, place, _csrf: referent.csrf });
    return { draw, post };
  }

  it("info meeting — the day before the draw — 422, nothing stored", async () => {
    const { draw, post } = await validatedDraw();
    const response = await post(`${parisIsoDay(new Date(draw.drawnAt.getTime() - DAY))}T14:00`);
    expect(response.status).toBe(422);
    expect(response.text).toContain("suit le tirage");
    expect(await testDb.infoMeeting.count({ where: { cohortId: draw.cohortId } })).toBe(0);
  });

  it("info meeting — seven months after the draw — 422 naming the last day", async () => {
    const { draw, post } = await validatedDraw();
    const response = await post(`${parisIsoDay(addMonths(draw.drawnAt, 7))}T14:00`);
    expect(response.status).toBe(422);
    expect(response.text).toContain("dans les six mois qui suivent le tirage");
  });

  it("info meeting — six months after the draw, typed JJ/MM/AAAA HH:MM — 303", async () => {
    const { draw, post } = await validatedDraw();
    const [year, month, day] = parisIsoDay(addMonths(draw.drawnAt, 6)).split("-");
    expect((await post(`${day}/${month}/${year} 18:00`)).status).toBe(303);
  });

  it("info meeting — in year 9999 — 422, never 500", async () => {
    const { post } = await validatedDraw();
    const response = await post("9999-12-31T14:00");
    expect(response.status).toBe(422);
    expect(response.text).toContain("Cette année n&#39;est pas plausible");
  });

  it("info meeting — a place holding U+202E — 422, nothing stored", async () => {
    const { draw, post } = await validatedDraw();
    const response = await post(`${dayFromNow(5)}T14:00`, `Salle ${RLO}fdp.exe`);
    expect(response.status).toBe(422);
    expect(response.text).toContain("caractère invisible non autorisé");
    expect(await testDb.infoMeeting.count({ where: { cohortId: draw.cohortId } })).toBe(0);
  });
});

describe("free text — bidirectional overrides refused", () => {
  it("cancel a lesson — a reason holding U+202E — 422 beside the reason, the lesson unchanged", async () => {
    const world = await makeWorld();
    const lesson = await makeLesson(world.home.enrolment.id, { startsAt: daysFromNow(2) });
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);

    const response = await agent
      .post(`/lessons/${lesson.id}/attendance`)
      .type("form")
      .send({ attendance: "CANCELLED", reason: `Malade ${RLO}gnp.exe`, _csrf: csrf });

    expect(response.status).toBe(422);
    expect(response.text).toContain('id="reason-error"');
    expect(response.text).toContain("caractère invisible non autorisé");
    expect((await testDb.lesson.findUniqueOrThrow({ where: { id: lesson.id } })).attendance).toBe("SCHEDULED");
  });

  it("a cohort — a name holding U+202E — 422, nothing stored", async () => {
    const as = await signedIn((await makeUser("ADMIN")).email, PASSWORD);
    const name = `Promo ${RLO}7202`;

    const response = await as.agent
      .post("/cohorts")
      .type("form")
      .send({ name, drawDate: dayFromNow(30), aidCap: "1000", contribution: "250", _csrf: as.csrf });

    expect(response.status).toBe(422);
    expect(response.text).toContain("caractère invisible non autorisé");
    expect(await testDb.cohort.count({ where: { name } })).toBe(0);
  });

  it("report a difficulty — a description over several lines — 303, line breaks kept", async () => {
    const world = await makeWorld();
    const { agent, csrf } = await signedIn(world.home.schoolUser.email, PASSWORD);

    const response = await agent
      .post(`/enrolments/${world.home.enrolment.id}/difficulties`)
      .type("form")
      .send({ category: "MOBILITY", description: "Plus de bus le soir.\r\nCherche un covoiturage.", _csrf: csrf });

    expect(response.status).toBe(303);
    const difficulty = await testDb.difficulty.findFirstOrThrow({ where: { youthId: world.home.youth.id } });
    expect(difficulty.description).toBe("Plus de bus le soir.\nCherche un covoiturage.");
  });
});

describe("pages — Latin-1 characters only", () => {
  it("caseload, youth file and school home — a name beyond Latin-1, amounts, dashes — numeric references, the text intact", async () => {
    const world = await makeWorld();
    await testDb.youth.update({ where: { id: world.home.youth.id }, data: { lastName: "Doğan" } });
    const referent = await signedIn(world.home.referent.email, PASSWORD);
    const school = await signedIn(world.home.schoolUser.email, PASSWORD);

    const pages = [
      await referent.agent.get("/caseload"),
      await referent.agent.get(`/youths/${world.home.youth.id}`),
      await school.agent.get("/?learners=all"),
    ];

    for (const page of pages) {
      expect(page.status).toBe(200);
      expect(page.text).not.toMatch(/[\u{100}-\u{10FFFF}]/u);
      expect(page.text).toContain("Do&#287;an");
    }
    expect(pages[1]!.text).toMatch(/&#8364;|&euro;/);
  });
});
