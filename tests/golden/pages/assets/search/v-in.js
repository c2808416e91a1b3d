window.TK_DATA.add("search/v-in", {"terms":{},"words":{"indsat":["indsats",[0,8],[],[11]]}});
