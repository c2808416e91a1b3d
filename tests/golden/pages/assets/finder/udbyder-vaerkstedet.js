window.FINDER.add("udbyder-vaerkstedet", [1,2]);
