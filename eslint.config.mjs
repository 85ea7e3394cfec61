// (src/domain/enums.ts reads the schema's enums: plain constants, no client.)
// The linter holds the house style, so that a newcomer learns it from the first red line:
// typescript-eslint's type-checked rules, plus the project's own boundaries (Prisma only in
// services and src/db/, roles read only by the policy, features used through their service.ts).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";

const PRISMA_ONLY_IN_SERVICES = {
  group: ["**/db/client.ts", "**/generated/prisma/*", "**/generated/prisma/**"],
  allowTypeImports: true,
  message: "Prisma is used only in a feature's service.ts and in src/db/ (STYLE.md rule 3): call a service.",
};

const OTHER_FEATURE_INTERNALS = {
  // From src/features/<a>/x.ts, "../<b>/anything-but-service.ts" reaches into another feature.
  regex: "^\\.\\./[a-z-]+/(?!service\\.ts$)[^/]+$",
  message: "Another feature is used only through its service.ts (STYLE.md rule 1).",
};

const ROLE_OUTSIDE_POLICY = {
  selector:
    "MemberExpression[property.name='role'][object.name=/^(actor|user|me|currentUser)$/], MemberExpression[property.name='role'][object.property.name='user']",
  message: "Only src/auth/policy.ts reads a user's role: ask the policy (can(), a scope, homeOf()).",
};

export default tseslint.config(
  {
    ignores: ["node_modules/", "src/generated/", ".tmp/", "data/", "coverage/", "test-results/", "playwright-report/", "public/vendor/"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/switch-exhaustiveness-check": ["error", { considerDefaultExhaustiveForUnions: true }],
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "no-restricted-syntax": ["error", ROLE_OUTSIDE_POLICY],
    },
  },
  {
    files: ["src/http/**/*.ts", "src/auth/**/*.ts", "src/domain/**/*.ts"],
    ignores: ["src/domain/enums.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: [PRISMA_ONLY_IN_SERVICES] }],
    },
  },
  {
    files: ["src/features/**/*.ts"],
    ignores: ["src/features/*/service.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: [PRISMA_ONLY_IN_SERVICES, OTHER_FEATURE_INTERNALS] }],
    },
  },
  {
    files: ["src/features/*/service.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: [OTHER_FEATURE_INTERNALS] }],
    },
  },
  { files: ["src/auth/policy.ts"], rules: { "no-restricted-syntax": "off" } },
  {
    // Tests, benchmarks and scripts build data directly and reach into features to test them.
    files: ["tests/**/*.ts", "bench/**/*.ts", "scripts/**/*.ts"],
    rules: {
      "no-restricted-syntax": "off",
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  {
    files: ["**/*.mjs", "public/**/*.js"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ["public/**/*.js"],
    languageOptions: {
      globals: {
        document: "readonly",
        window: "readonly",
        navigator: "readonly",
        location: "readonly",
        FileReader: "readonly",
        HTMLElement: "readonly",
        Element: "readonly",
        CSS: "readonly",
        confirm: "readonly",
      },
    },
  },
  prettier,
);
