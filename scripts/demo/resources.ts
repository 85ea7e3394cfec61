// The resource centre's starting content: short, plain French for young learner drivers (and a
// few pages for the staff), articles in Markdown, two highway-code quizzes and official sites.
import type { ResourceAudience, ResourceKind } from "../../src/domain/enums.ts";

type QuizQuestionSpec = { prompt: string; choices: string[]; answerIndex: number; explanation: string };

export type ResourceSpec = {
  slug: string;
  title: string;
  summary: string;
  kind: ResourceKind;
  topic: string;
  audience: ResourceAudience;
  body: string;
  url?: string;
  questions?: QuizQuestionSpec[];
};

export const RESOURCES: readonly ResourceSpec[] = [
  {
    slug: "le-permis-etape-par-etape",
    title: "Le permis B, étape par étape",
    summary: "Les grandes étapes, de l'inscription aux trois premières années de conduite.",
    kind: "ARTICLE",
    topic: "Permis",
    audience: "ALL",
    body: `## Les étapes

1. **L'inscription.** L'auto-école fait la demande sur le site de l'ANTS. Vous recevez un numéro NEPH. Gardez-le : il vous suit jusqu'au permis.
2. **Le code.** Vous révisez puis vous passez l'examen du code dans un centre agréé.
3. **Les leçons de conduite.** Il faut au moins 20 heures de conduite. Avec une boîte automatique, au moins 13 heures.
4. **L'examen de conduite.** Un inspecteur vous évalue pendant 32 minutes.
5. **Le permis probatoire.** Pendant trois ans, vous êtes jeune conducteur.

## Le permis probatoire

- Vous commencez avec 6 points.
- Vous gagnez des points chaque année sans infraction, jusqu'à 12 points.
- Le disque « A » doit être collé à l'arrière de la voiture.
- Les vitesses maximales sont plus basses : 110 km/h sur autoroute, 100 km/h sur voie rapide.
- L'alcool : presque zéro (0,2 g par litre de sang). Le plus simple : ne buvez pas si vous conduisez.`,
  },
  {
    slug: "le-code-de-la-route",
    title: "L'examen du code",
    summary: "Comment se passe l'examen du code et ce qu'il faut pour le réussir.",
    kind: "ARTICLE",
    topic: "Code",
    audience: "YOUTH",
    body: `## L'examen

- L'examen compte **40 questions**.
- Pour le réussir, il faut **au moins 35 bonnes réponses**.
- Vous le passez dans un centre agréé, sur une tablette, avec un casque.
- Vous réservez votre place en ligne, avec votre numéro NEPH.
- Le résultat arrive en général sous 48 heures.

## Les thèmes

Les questions portent sur la signalisation, les priorités, la circulation, le conducteur, la route, les autres usagers, la mécanique, les premiers secours et l'environnement.

## Après le code

Un code réussi reste valable **cinq ans**. Pendant ce temps, vous pouvez passer l'examen de conduite jusqu'à cinq fois.`,
  },
  {
    slug: "se-preparer-a-l-examen-du-code",
    title: "Se préparer à l'examen du code",
    summary: "Des conseils simples pour réviser sans se décourager.",
    kind: "ARTICLE",
    topic: "Code",
    audience: "YOUTH",
    body: `## Réviser un peu chaque jour

- Faites une série de questions chaque jour. C'est mieux qu'une longue séance par semaine.
- Faites des séries de 40 questions. Vous vous habituez au rythme de l'examen.
- Notez les thèmes où vous faites des erreurs.
- Revoyez ces thèmes avec votre moniteur.

## Savoir quand vous êtes prêt·e

Vous avez 37 bonnes réponses ou plus, plusieurs fois de suite ? Vous pouvez demander à passer l'examen.

## La veille et le jour J

- Dormez bien.
- Prenez votre pièce d'identité.
- Arrivez en avance.
- Lisez chaque question jusqu'au bout avant de répondre.`,
  },
  {
    slug: "quiz-signalisation",
    title: "Quiz : les panneaux",
    summary: "Huit questions pour vérifier que vous reconnaissez les panneaux.",
    kind: "QUIZ",
    topic: "Code",
    audience: "YOUTH",
    body: `La forme et la couleur d'un panneau disent déjà beaucoup. Répondez aux questions, puis lisez les explications.`,
    questions: [
      {
        prompt: "Un panneau rond avec un bord rouge indique…",
        choices: ["un danger", "une interdiction", "une indication"],
        answerIndex: 1,
        explanation: "Rond avec un bord rouge : c'est une interdiction (exemple : sens interdit, vitesse limitée).",
      },
      {
        prompt: "Un panneau en triangle, pointe en haut, avec un bord rouge annonce…",
        choices: ["une obligation", "un danger", "la fin d'une interdiction"],
        answerIndex: 1,
        explanation: "Le triangle pointe en haut signale un danger : virage, passage piéton, chaussée glissante…",
      },
      {
        prompt: "Un panneau rond sur fond bleu indique…",
        choices: ["une obligation", "une interdiction", "une direction"],
        answerIndex: 0,
        explanation: "Rond sur fond bleu : c'est une obligation (exemple : tourner à droite, piste cyclable obligatoire).",
      },
      {
        prompt: "Au panneau « STOP », vous devez…",
        choices: [
          "ralentir, puis passer si personne ne vient",
          "vous arrêter complètement à la limite de la route, puis céder le passage",
          "céder le passage seulement aux véhicules qui viennent de droite",
        ],
        answerIndex: 1,
        explanation:
          "Au STOP, l'arrêt complet est obligatoire, même si la route est vide. Ensuite, vous laissez passer tous les véhicules.",
      },
      {
        prompt: "Un triangle pointe en bas avec un bord rouge signifie…",
        choices: ["cédez le passage à l'intersection", "arrêt obligatoire", "route prioritaire"],
        answerIndex: 0,
        explanation:
          "Le triangle pointe en bas veut dire « cédez le passage » : vous ralentissez et laissez passer. L'arrêt n'est obligatoire que si quelqu'un arrive.",
      },
      {
        prompt: "Un losange jaune avec un bord blanc signifie…",
        choices: ["vous êtes sur une route prioritaire", "fin de la route prioritaire", "cédez le passage"],
        answerIndex: 0,
        explanation:
          "Le losange jaune indique une route à caractère prioritaire. Barré d'un trait noir, il annonce la fin de cette priorité.",
      },
      {
        prompt: "Un panneau rond blanc, barré d'une bande noire en diagonale, signifie…",
        choices: ["interdiction de circuler", "fin de toutes les interdictions signalées avant", "route à sens unique"],
        answerIndex: 1,
        explanation:
          "Ce panneau met fin à toutes les interdictions signalées avant lui pour les véhicules qui roulent (vitesse, dépassement…).",
      },
      {
        prompt: "Les panneaux de travaux (signalisation temporaire) ont un fond…",
        choices: ["jaune", "blanc", "vert"],
        answerIndex: 0,
        explanation: "Les panneaux temporaires ont un fond jaune. Ils passent avant les panneaux habituels.",
      },
    ],
  },
  {
    slug: "quiz-priorites-et-securite",
    title: "Quiz : priorités, vitesses et sécurité",
    summary: "Sept questions sur les règles qui reviennent le plus souvent à l'examen.",
    kind: "QUIZ",
    topic: "Code",
    audience: "YOUTH",
    body: `Ces règles servent tous les jours sur la route. Prenez le temps de lire chaque réponse.`,
    questions: [
      {
        prompt: "À un carrefour sans panneau ni feu, qui passe en premier ?",
        choices: ["Le véhicule qui vient de droite", "Le véhicule qui vient de gauche", "Le véhicule le plus rapide"],
        answerIndex: 0,
        explanation: "Sans panneau ni feu, c'est la priorité à droite : vous laissez passer le véhicule qui arrive à votre droite.",
      },
      {
        prompt: "En ville (en agglomération), sauf panneau contraire, la vitesse maximale est de…",
        choices: ["30 km/h", "50 km/h", "70 km/h"],
        answerIndex: 1,
        explanation:
          "En agglomération, la vitesse est limitée à 50 km/h. Beaucoup de villes ont aussi des zones à 30 km/h, signalées par un panneau.",
      },
      {
        prompt: "Sur autoroute, quand il pleut, la vitesse maximale pour un conducteur expérimenté est de…",
        choices: ["130 km/h", "110 km/h", "90 km/h"],
        answerIndex: 1,
        explanation:
          "Par temps de pluie, on passe de 130 à 110 km/h sur autoroute. Un jeune conducteur, lui, est limité à 110 km/h sur autoroute par tous les temps.",
      },
      {
        prompt: "Pendant le permis probatoire, le taux d'alcool maximal autorisé est de…",
        choices: ["0,2 g par litre de sang", "0,5 g par litre de sang", "0,8 g par litre de sang"],
        answerIndex: 0,
        explanation:
          "Pour un jeune conducteur, c'est 0,2 g par litre de sang : cela veut dire pas d'alcool du tout : un seul verre peut suffire à dépasser.",
      },
      {
        prompt: "Tenir son téléphone en main au volant, c'est…",
        choices: ["autorisé quand on est arrêté à un feu rouge", "interdit, même arrêté à un feu rouge", "autorisé pour un appel court"],
        answerIndex: 1,
        explanation:
          "Le téléphone tenu en main est interdit dès que vous êtes dans la circulation, même à l'arrêt à un feu. Vous risquez 135 € d'amende et 3 points.",
      },
      {
        prompt: "À l'entrée d'un giratoire avec un panneau « Cédez le passage », qui a la priorité ?",
        choices: ["Les véhicules déjà sur l'anneau", "Les véhicules qui entrent", "Le véhicule qui vient de droite"],
        answerIndex: 0,
        explanation: "Avec ce panneau, vous laissez passer les véhicules qui tournent déjà dans le giratoire.",
      },
      {
        prompt: "Quelle distance garder avec le véhicule de devant ?",
        choices: ["Au moins 2 secondes", "1 seconde suffit", "5 mètres, quelle que soit la vitesse"],
        answerIndex: 0,
        explanation:
          "Gardez au moins 2 secondes d'écart. Plus vous roulez vite, plus cette distance est longue en mètres. Sous la pluie, laissez encore plus d'espace.",
      },
    ],
  },
  {
    slug: "comment-se-passe-l-examen-pratique",
    title: "L'examen de conduite",
    summary: "Le déroulé des 32 minutes de l'épreuve, et les papiers à prendre.",
    kind: "ARTICLE",
    topic: "Examen",
    audience: "YOUTH",
    body: `## Le déroulé

- L'examen dure **32 minutes**.
- L'inspecteur vous demande de suivre un itinéraire, parfois seul·e avec les panneaux.
- Vous faites une manœuvre (exemple : un créneau ou une marche arrière).
- Vous répondez à une question sur le véhicule et à une question de premiers secours.

## La note

- L'inspecteur note vos compétences sur **31 points**.
- Il faut **au moins 20 points** et aucune erreur éliminatoire.
- Le résultat arrive sous 48 heures, sur internet.

## Le jour J

- Prenez votre pièce d'identité en cours de validité.
- Arrivez un quart d'heure en avance.
- Respirez calmement avant de démarrer.
- Vous faites une erreur ? Restez concentré·e sur la suite. Une erreur n'est pas forcément éliminatoire.`,
  },
  {
    slug: "le-livret-d-apprentissage",
    title: "Le livret d'apprentissage et les quatre compétences",
    summary: "Votre carnet de route : il suit vos progrès, compétence par compétence.",
    kind: "ARTICLE",
    topic: "Conduite",
    audience: "ALL",
    body: `## À quoi sert le livret

Le livret d'apprentissage suit votre formation. Il suit un programme national, le REMC (référentiel pour l'éducation à une mobilité citoyenne). Votre moniteur y note ce qui est en cours et ce qui est acquis. Vous devez l'avoir avec vous à chaque leçon.

## Les quatre compétences

1. **Maîtriser le véhicule** dans un trafic faible ou nul.
2. **Circuler** dans des conditions normales.
3. **Circuler dans des conditions difficiles** et partager la route avec les autres.
4. **Conduire seul·e**, de façon sûre et économique.

Chaque compétence demande plusieurs leçons. Dans SPID, vous retrouvez les mêmes compétences sur votre page de progression.`,
  },
  {
    slug: "financer-son-permis",
    title: "Financer son permis",
    summary: "L'aide du programme, votre participation et les autres aides possibles.",
    kind: "ARTICLE",
    topic: "Financement",
    audience: "ALL",
    body: `## L'aide du programme

- Le programme AUTOnomie paie jusqu'à **1 000 €** de votre formation, directement à l'auto-école.
- Vous participez à hauteur de **250 €**. Vous pouvez payer en plusieurs fois.

## Les autres aides

- **Le compte personnel de formation (CPF)** : si vous avez travaillé, il peut payer une partie du permis.
- **France Travail** : une aide peut exister si le permis vous aide à trouver un emploi.
- **Les apprentis** : une aide de 500 € existe pour les apprentis d'au moins 18 ans.
- **Le permis à 1 € par jour** : un prêt sans intérêt pour les 15-25 ans, avec une auto-école partenaire.
- **Votre commune ou votre région** : certaines ont leur propre aide.

## Un souci pour payer ?

Parlez-en tout de suite à votre référent·e. Il ou elle peut vous aider à trouver une solution.`,
  },
  {
    slug: "aides-a-la-mobilite",
    title: "Se déplacer avant et après le permis",
    summary: "Location solidaire, garages associatifs, covoiturage : des aides pour bouger.",
    kind: "ARTICLE",
    topic: "Mobilité",
    audience: "ALL",
    body: `## Avant le permis

- Certaines plateformes de mobilité prêtent ou louent des vélos et des scooters à petit prix.
- Le transport en commun peut être moins cher pour les jeunes : demandez à votre réseau de bus.

## Après le permis

- **La location solidaire** : des voitures à petit prix pour les personnes en insertion.
- **Les garages solidaires** : des réparations à moindre coût.
- **Le covoiturage** : pour aller au travail au début, à plusieurs.

Votre Mission Locale connaît les adresses près de chez vous. Demandez à votre référent·e.`,
  },
  {
    slug: "accompagner-vers-le-permis",
    title: "Accompagner un jeune vers le permis",
    summary: "Les points de vigilance du suivi : assiduité, financement, examen.",
    kind: "ARTICLE",
    topic: "Accompagnement",
    audience: "REFERENT",
    body: `## Les signaux à suivre

- **Les absences** : deux leçons manquées de suite méritent un appel.
- **Le rythme** : peu de leçons sur un mois ralentit la progression.
- **Le paiement** : une participation en retard cache souvent une difficulté plus large.

## Avant l'examen du code

Proposez au jeune les quiz de l'espace Ressources. Un score régulier de 37 sur 40 en série blanche est un bon repère.

## Après un échec

Un échec est fréquent. Fixez vite une nouvelle date avec l'auto-école, pour garder la motivation.`,
  },
  {
    slug: "securite-routiere",
    title: "Sécurité routière : le site officiel",
    summary: "Les règles, les résultats d'examen et des conseils de prévention.",
    kind: "LINK",
    topic: "Code",
    audience: "ALL",
    url: "https://www.securite-routiere.gouv.fr",
    body: `Le site de la Sécurité routière explique les règles de la route. Vous y trouvez aussi le résultat de votre examen de conduite.`,
  },
  {
    slug: "service-public-permis",
    title: "Service-public.fr : vos droits",
    summary: "Les démarches officielles du permis de conduire, expliquées simplement.",
    kind: "LINK",
    topic: "Permis",
    audience: "ALL",
    url: "https://www.service-public.fr",
    body: `Le site officiel de l'administration. Cherchez « permis de conduire » pour les démarches : inscription, perte de points, renouvellement.`,
  },
];
