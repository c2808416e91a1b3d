window.TK_DATA.add("search/v-as", {"terms":{"asf":[4],"asperg":[4]},"words":{"asf":["asf",[4],[2,8],[]],"asperg":["asperger",[4],[2,8],[]]}});
