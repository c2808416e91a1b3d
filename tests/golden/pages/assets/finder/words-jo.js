window.FINDER.add("words-jo", {"job":[0,1],"jobpakke":[1]});
