/**
 * Answers kept by key for a computation that is pure but costly compared with a Map look-up (a
 * statement to prepare, a summary to parse, zoned calendar arithmetic, a text to escape), when
 * the same few keys come back request after request. At most `limit` answers are kept: all are
 * forgotten at once when full, which bounds the memory without bookkeeping on every hit.
 */
export function keptAnswers<K, V>(limit: number): (key: K, compute: (key: K) => V) => V {
  const answers = new Map<K, V>();
  return (key, compute) => {
    let answer = answers.get(key);
    if (answer === undefined) {
      if (answers.size >= limit) answers.clear();
      answer = compute(key);
      answers.set(key, answer);
    }
    return answer;
  };
}
