// The diff section of `provider-docs --help`. A module of its own, with no imports,
// so that the CLI can show it without loading the diff (and the loader) up front.
export const DIFF_HELP = `diff options:
  --base <root>        registry root before the change (required)
  --head <root>        registry root after the change (required)
  --provider <name>    only this provider; repeat for several (default: every provider
                       on either side)
  --format <f>         markdown (default: a report for a PR comment or job summary)
                       or json (the same as data, keys and lists sorted)
  --max-chars <n>      markdown only: cut the report to at most n characters, whole
                       lines, with a note saying so (GitHub comments take 65536)
  --exit-code          exit 1 when the registries differ (default: exit 0 either way)

  Exit codes: 0 done (whether or not there are differences), 1 differences with
  --exit-code, 2 errors loading either registry (printed to stderr) or bad usage.
`;
