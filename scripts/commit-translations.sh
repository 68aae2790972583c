#!/usr/bin/env bash
# Commit the English files and locks that `python -m bilingue translate` wrote (or removed) and push
# them to the branch given as the only argument. Used by .github/workflows/publish.yml and
# translate-pull-request.yml. Writes sha=<the commit to build> to $GITHUB_OUTPUT when it is set.
# Nothing to commit (the English was up to date): no commit, no push, so no loop either.
set -euo pipefail
branch="${1:?usage: commit-translations.sh BRANCH}"
git add --all -- ':(glob)docs/**/*.en.md' ':(glob)docs/**/*.lock.json'
if git diff --cached --quiet; then
  echo "nothing to commit: every English file and lock is up to date"
else
  git -c user.name="github-actions[bot]" \
    -c user.email="41898282+github-actions[bot]@users.noreply.github.com" \
    commit --quiet -m "i18n: English versions of the essays changed on $branch (bilingue translate)"
  git push --quiet origin "HEAD:refs/heads/$branch"
  echo "pushed $(git rev-parse --short HEAD) to $branch"
fi
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  echo "sha=$(git rev-parse HEAD)" >> "$GITHUB_OUTPUT"
fi
