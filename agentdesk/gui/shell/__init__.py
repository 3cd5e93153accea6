"""The shell: main window with dock panes, top bar, my-day bar, layout persistence."""
