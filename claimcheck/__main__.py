from claimcheck.cli.main import entry

entry()
