window.TK_DATA.add("search/v-ku", {"terms":{},"words":{"kun":["kun",[],[2],[]]}});
