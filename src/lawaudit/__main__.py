from lawaudit.cli import main

main()
