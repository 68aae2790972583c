from bilingue.cli import main

raise SystemExit(main())
