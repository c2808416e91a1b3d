window.FINDER.add("words-me", {"med":[2],"mentor":[2],"mentorpakke":[2],"mentorstøtte":[2]});
