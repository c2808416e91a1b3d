window.FINDER.add("words-m", {"med":[2],"mentor":[2],"mentorpakke":[2],"mentorstøtte":[2]});
