// The benchmark's fixed query set: a common two-character word, a phrase, a rarer word and two terms together.
// Every generated archive is made from the seed's sentences, so each query has results at every size.
export const BENCH_QUERIES: readonly string[] = ['资金', '专家', '科技创新', '孵化器 绩效'];
