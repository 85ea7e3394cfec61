// Fixtures of the authorization matrix for the territories (Missions Locales and driving schools):
// the coordinator's only, so no record is out of anyone's scope; an empty POST answers 422.
import type { Fixture, World } from "./foundation.ts";

const homeMissionLocale = { inScope: (w: World) => w.home.missionLocale.id };
const homeSchool = { inScope: (w: World) => w.home.school.id };

export const TERRITORY_FIXTURES: Fixture[] = [
  { method: "GET", path: "/territories" },
  { method: "GET", path: "/territories/missions-locales/new" },
  { method: "POST", path: "/territories/missions-locales", body: {} },
  { method: "GET", path: "/territories/missions-locales/:id/edit", target: homeMissionLocale },
  { method: "POST", path: "/territories/missions-locales/:id", target: homeMissionLocale, body: {} },
  { method: "GET", path: "/territories/schools/new" },
  { method: "POST", path: "/territories/schools", body: {} },
  { method: "GET", path: "/territories/schools/:id", target: homeSchool },
  { method: "GET", path: "/territories/schools/:id/edit", target: homeSchool },
  { method: "POST", path: "/territories/schools/:id", target: homeSchool, body: {} },
];
