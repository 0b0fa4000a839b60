var da=Object.defineProperty;var fa=Object.getOwnPropertyDescriptor;var m=(i,t,e,s)=>{for(var r=s>1?void 0:s?fa(t,e):t,n=i.length-1,o;n>=0;n--)(o=i[n])&&(r=(s?o(t,e,r):o(r))||r);return s&&r&&da(t,e,r),r};var ds=globalThis,fs=ds.ShadowRoot&&(ds.ShadyCSS===void 0||ds.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,wi=Symbol(),Dr=new WeakMap,Dt=class{constructor(t,e,s){if(this._$cssResult$=!0,s!==wi)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=t,this.t=e}get styleSheet(){let t=this.o,e=this.t;if(fs&&t===void 0){let s=e!==void 0&&e.length===1;s&&(t=Dr.get(e)),t===void 0&&((this.o=t=new CSSStyleSheet).replaceSync(this.cssText),s&&Dr.set(e,t))}return t}toString(){return this.cssText}},Mr=i=>new Dt(typeof i=="string"?i:i+"",void 0,wi),ki=(i,...t)=>{let e=i.length===1?i[0]:t.reduce((s,r,n)=>s+(o=>{if(o._$cssResult$===!0)return o.cssText;if(typeof o=="number")return o;throw Error("Value passed to 'css' function must be a 'css' function result: "+o+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(r)+i[n+1],i[0]);return new Dt(e,i,wi)},Ur=(i,t)=>{if(fs)i.adoptedStyleSheets=t.map(e=>e instanceof CSSStyleSheet?e:e.styleSheet);else for(let e of t){let s=document.createElement("style"),r=ds.litNonce;r!==void 0&&s.setAttribute("nonce",r),s.textContent=e.cssText,i.appendChild(s)}},Ai=fs?i=>i:i=>i instanceof CSSStyleSheet?(t=>{let e="";for(let s of t.cssRules)e+=s.cssText;return Mr(e)})(i):i;var{is:ga,defineProperty:ma,getOwnPropertyDescriptor:ba,getOwnPropertyNames:ya,getOwnPropertySymbols:$a,getPrototypeOf:va}=Object,gs=globalThis,zr=gs.trustedTypes,wa=zr?zr.emptyScript:"",ka=gs.reactiveElementPolyfillSupport,Mt=(i,t)=>i,Ut={toAttribute(i,t){switch(t){case Boolean:i=i?wa:null;break;case Object:case Array:i=i==null?i:JSON.stringify(i)}return i},fromAttribute(i,t){let e=i;switch(t){case Boolean:e=i!==null;break;case Number:e=i===null?null:Number(i);break;case Object:case Array:try{e=JSON.parse(i)}catch{e=null}}return e}},ms=(i,t)=>!ga(i,t),Hr={attribute:!0,type:String,converter:Ut,reflect:!1,useDefault:!1,hasChanged:ms};Symbol.metadata??=Symbol("metadata"),gs.litPropertyMetadata??=new WeakMap;var Ce=class extends HTMLElement{static addInitializer(t){this._$Ei(),(this.l??=[]).push(t)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(t,e=Hr){if(e.state&&(e.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(t)&&((e=Object.create(e)).wrapped=!0),this.elementProperties.set(t,e),!e.noAccessor){let s=Symbol(),r=this.getPropertyDescriptor(t,s,e);r!==void 0&&ma(this.prototype,t,r)}}static getPropertyDescriptor(t,e,s){let{get:r,set:n}=ba(this.prototype,t)??{get(){return this[e]},set(o){this[e]=o}};return{get:r,set(o){let c=r?.call(this);n?.call(this,o),this.requestUpdate(t,c,s)},configurable:!0,enumerable:!0}}static getPropertyOptions(t){return this.elementProperties.get(t)??Hr}static _$Ei(){if(this.hasOwnProperty(Mt("elementProperties")))return;let t=va(this);t.finalize(),t.l!==void 0&&(this.l=[...t.l]),this.elementProperties=new Map(t.elementProperties)}static finalize(){if(this.hasOwnProperty(Mt("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(Mt("properties"))){let e=this.properties,s=[...ya(e),...$a(e)];for(let r of s)this.createProperty(r,e[r])}let t=this[Symbol.metadata];if(t!==null){let e=litPropertyMetadata.get(t);if(e!==void 0)for(let[s,r]of e)this.elementProperties.set(s,r)}this._$Eh=new Map;for(let[e,s]of this.elementProperties){let r=this._$Eu(e,s);r!==void 0&&this._$Eh.set(r,e)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(t){let e=[];if(Array.isArray(t)){let s=new Set(t.flat(1/0).reverse());for(let r of s)e.unshift(Ai(r))}else t!==void 0&&e.push(Ai(t));return e}static _$Eu(t,e){let s=e.attribute;return s===!1?void 0:typeof s=="string"?s:typeof t=="string"?t.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(t=>this.enableUpdating=t),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(t=>t(this))}addController(t){(this._$EO??=new Set).add(t),this.renderRoot!==void 0&&this.isConnected&&t.hostConnected?.()}removeController(t){this._$EO?.delete(t)}_$E_(){let t=new Map,e=this.constructor.elementProperties;for(let s of e.keys())this.hasOwnProperty(s)&&(t.set(s,this[s]),delete this[s]);t.size>0&&(this._$Ep=t)}createRenderRoot(){let t=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return Ur(t,this.constructor.elementStyles),t}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(t=>t.hostConnected?.())}enableUpdating(t){}disconnectedCallback(){this._$EO?.forEach(t=>t.hostDisconnected?.())}attributeChangedCallback(t,e,s){this._$AK(t,s)}_$ET(t,e){let s=this.constructor.elementProperties.get(t),r=this.constructor._$Eu(t,s);if(r!==void 0&&s.reflect===!0){let n=(s.converter?.toAttribute!==void 0?s.converter:Ut).toAttribute(e,s.type);this._$Em=t,n==null?this.removeAttribute(r):this.setAttribute(r,n),this._$Em=null}}_$AK(t,e){let s=this.constructor,r=s._$Eh.get(t);if(r!==void 0&&this._$Em!==r){let n=s.getPropertyOptions(r),o=typeof n.converter=="function"?{fromAttribute:n.converter}:n.converter?.fromAttribute!==void 0?n.converter:Ut;this._$Em=r;let c=o.fromAttribute(e,n.type);this[r]=c??this._$Ej?.get(r)??c,this._$Em=null}}requestUpdate(t,e,s,r=!1,n){if(t!==void 0){let o=this.constructor;if(r===!1&&(n=this[t]),s??=o.getPropertyOptions(t),!((s.hasChanged??ms)(n,e)||s.useDefault&&s.reflect&&n===this._$Ej?.get(t)&&!this.hasAttribute(o._$Eu(t,s))))return;this.C(t,e,s)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(t,e,{useDefault:s,reflect:r,wrapped:n},o){s&&!(this._$Ej??=new Map).has(t)&&(this._$Ej.set(t,o??e??this[t]),n!==!0||o!==void 0)||(this._$AL.has(t)||(this.hasUpdated||s||(e=void 0),this._$AL.set(t,e)),r===!0&&this._$Em!==t&&(this._$Eq??=new Set).add(t))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(e){Promise.reject(e)}let t=this.scheduleUpdate();return t!=null&&await t,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[r,n]of this._$Ep)this[r]=n;this._$Ep=void 0}let s=this.constructor.elementProperties;if(s.size>0)for(let[r,n]of s){let{wrapped:o}=n,c=this[r];o!==!0||this._$AL.has(r)||c===void 0||this.C(r,void 0,n,c)}}let t=!1,e=this._$AL;try{t=this.shouldUpdate(e),t?(this.willUpdate(e),this._$EO?.forEach(s=>s.hostUpdate?.()),this.update(e)):this._$EM()}catch(s){throw t=!1,this._$EM(),s}t&&this._$AE(e)}willUpdate(t){}_$AE(t){this._$EO?.forEach(e=>e.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(t)),this.updated(t)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(t){return!0}update(t){this._$Eq&&=this._$Eq.forEach(e=>this._$ET(e,this[e])),this._$EM()}updated(t){}firstUpdated(t){}};Ce.elementStyles=[],Ce.shadowRootOptions={mode:"open"},Ce[Mt("elementProperties")]=new Map,Ce[Mt("finalized")]=new Map,ka?.({ReactiveElement:Ce}),(gs.reactiveElementVersions??=[]).push("2.1.2");var Ti=globalThis,Fr=i=>i,bs=Ti.trustedTypes,jr=bs?bs.createPolicy("lit-html",{createHTML:i=>i}):void 0,xi="$lit$",Oe=`lit$${Math.random().toFixed(9).slice(2)}$`,_i="?"+Oe,Aa=`<${_i}>`,st=document,Ht=()=>st.createComment(""),Ft=i=>i===null||typeof i!="object"&&typeof i!="function",Si=Array.isArray,Vr=i=>Si(i)||typeof i?.[Symbol.iterator]=="function",Ei=`[ 	
\f\r]`,zt=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,qr=/-->/g,Br=/>/g,et=RegExp(`>|${Ei}(?:([^\\s"'>=/]+)(${Ei}*=${Ei}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),Wr=/'/g,Gr=/"/g,Kr=/^(?:script|style|textarea|title)$/i,Ri=i=>(t,...e)=>({_$litType$:i,strings:t,values:e}),g=Ri(1),Fc=Ri(2),jc=Ri(3),$e=Symbol.for("lit-noChange"),v=Symbol.for("lit-nothing"),Yr=new WeakMap,tt=st.createTreeWalker(st,129);function Zr(i,t){if(!Si(i)||!i.hasOwnProperty("raw"))throw Error("invalid template strings array");return jr!==void 0?jr.createHTML(t):t}var Xr=(i,t)=>{let e=i.length-1,s=[],r,n=t===2?"<svg>":t===3?"<math>":"",o=zt;for(let c=0;c<e;c++){let l=i[c],h,p,f=-1,y=0;for(;y<l.length&&(o.lastIndex=y,p=o.exec(l),p!==null);)y=o.lastIndex,o===zt?p[1]==="!--"?o=qr:p[1]!==void 0?o=Br:p[2]!==void 0?(Kr.test(p[2])&&(r=RegExp("</"+p[2],"g")),o=et):p[3]!==void 0&&(o=et):o===et?p[0]===">"?(o=r??zt,f=-1):p[1]===void 0?f=-2:(f=o.lastIndex-p[2].length,h=p[1],o=p[3]===void 0?et:p[3]==='"'?Gr:Wr):o===Gr||o===Wr?o=et:o===qr||o===Br?o=zt:(o=et,r=void 0);let w=o===et&&i[c+1].startsWith("/>")?" ":"";n+=o===zt?l+Aa:f>=0?(s.push(h),l.slice(0,f)+xi+l.slice(f)+Oe+w):l+Oe+(f===-2?c:w)}return[Zr(i,n+(i[e]||"<?>")+(t===2?"</svg>":t===3?"</math>":"")),s]},jt=class i{constructor({strings:t,_$litType$:e},s){let r;this.parts=[];let n=0,o=0,c=t.length-1,l=this.parts,[h,p]=Xr(t,e);if(this.el=i.createElement(h,s),tt.currentNode=this.el.content,e===2||e===3){let f=this.el.content.firstChild;f.replaceWith(...f.childNodes)}for(;(r=tt.nextNode())!==null&&l.length<c;){if(r.nodeType===1){if(r.hasAttributes())for(let f of r.getAttributeNames())if(f.endsWith(xi)){let y=p[o++],w=r.getAttribute(f).split(Oe),E=/([.?@])?(.*)/.exec(y);l.push({type:1,index:n,name:E[2],strings:w,ctor:E[1]==="."?$s:E[1]==="?"?vs:E[1]==="@"?ws:rt}),r.removeAttribute(f)}else f.startsWith(Oe)&&(l.push({type:6,index:n}),r.removeAttribute(f));if(Kr.test(r.tagName)){let f=r.textContent.split(Oe),y=f.length-1;if(y>0){r.textContent=bs?bs.emptyScript:"";for(let w=0;w<y;w++)r.append(f[w],Ht()),tt.nextNode(),l.push({type:2,index:++n});r.append(f[y],Ht())}}}else if(r.nodeType===8)if(r.data===_i)l.push({type:2,index:n});else{let f=-1;for(;(f=r.data.indexOf(Oe,f+1))!==-1;)l.push({type:7,index:n}),f+=Oe.length-1}n++}}static createElement(t,e){let s=st.createElement("template");return s.innerHTML=t,s}};function it(i,t,e=i,s){if(t===$e)return t;let r=s!==void 0?e._$Co?.[s]:e._$Cl,n=Ft(t)?void 0:t._$litDirective$;return r?.constructor!==n&&(r?._$AO?.(!1),n===void 0?r=void 0:(r=new n(i),r._$AT(i,e,s)),s!==void 0?(e._$Co??=[])[s]=r:e._$Cl=r),r!==void 0&&(t=it(i,r._$AS(i,t.values),r,s)),t}var ys=class{constructor(t,e){this._$AV=[],this._$AN=void 0,this._$AD=t,this._$AM=e}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(t){let{el:{content:e},parts:s}=this._$AD,r=(t?.creationScope??st).importNode(e,!0);tt.currentNode=r;let n=tt.nextNode(),o=0,c=0,l=s[0];for(;l!==void 0;){if(o===l.index){let h;l.type===2?h=new vt(n,n.nextSibling,this,t):l.type===1?h=new l.ctor(n,l.name,l.strings,this,t):l.type===6&&(h=new ks(n,this,t)),this._$AV.push(h),l=s[++c]}o!==l?.index&&(n=tt.nextNode(),o++)}return tt.currentNode=st,r}p(t){let e=0;for(let s of this._$AV)s!==void 0&&(s.strings!==void 0?(s._$AI(t,s,e),e+=s.strings.length-2):s._$AI(t[e])),e++}},vt=class i{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(t,e,s,r){this.type=2,this._$AH=v,this._$AN=void 0,this._$AA=t,this._$AB=e,this._$AM=s,this.options=r,this._$Cv=r?.isConnected??!0}get parentNode(){let t=this._$AA.parentNode,e=this._$AM;return e!==void 0&&t?.nodeType===11&&(t=e.parentNode),t}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(t,e=this){t=it(this,t,e),Ft(t)?t===v||t==null||t===""?(this._$AH!==v&&this._$AR(),this._$AH=v):t!==this._$AH&&t!==$e&&this._(t):t._$litType$!==void 0?this.$(t):t.nodeType!==void 0?this.T(t):Vr(t)?this.k(t):this._(t)}O(t){return this._$AA.parentNode.insertBefore(t,this._$AB)}T(t){this._$AH!==t&&(this._$AR(),this._$AH=this.O(t))}_(t){this._$AH!==v&&Ft(this._$AH)?this._$AA.nextSibling.data=t:this.T(st.createTextNode(t)),this._$AH=t}$(t){let{values:e,_$litType$:s}=t,r=typeof s=="number"?this._$AC(t):(s.el===void 0&&(s.el=jt.createElement(Zr(s.h,s.h[0]),this.options)),s);if(this._$AH?._$AD===r)this._$AH.p(e);else{let n=new ys(r,this),o=n.u(this.options);n.p(e),this.T(o),this._$AH=n}}_$AC(t){let e=Yr.get(t.strings);return e===void 0&&Yr.set(t.strings,e=new jt(t)),e}k(t){Si(this._$AH)||(this._$AH=[],this._$AR());let e=this._$AH,s,r=0;for(let n of t)r===e.length?e.push(s=new i(this.O(Ht()),this.O(Ht()),this,this.options)):s=e[r],s._$AI(n),r++;r<e.length&&(this._$AR(s&&s._$AB.nextSibling,r),e.length=r)}_$AR(t=this._$AA.nextSibling,e){for(this._$AP?.(!1,!0,e);t!==this._$AB;){let s=Fr(t).nextSibling;Fr(t).remove(),t=s}}setConnected(t){this._$AM===void 0&&(this._$Cv=t,this._$AP?.(t))}},rt=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(t,e,s,r,n){this.type=1,this._$AH=v,this._$AN=void 0,this.element=t,this.name=e,this._$AM=r,this.options=n,s.length>2||s[0]!==""||s[1]!==""?(this._$AH=Array(s.length-1).fill(new String),this.strings=s):this._$AH=v}_$AI(t,e=this,s,r){let n=this.strings,o=!1;if(n===void 0)t=it(this,t,e,0),o=!Ft(t)||t!==this._$AH&&t!==$e,o&&(this._$AH=t);else{let c=t,l,h;for(t=n[0],l=0;l<n.length-1;l++)h=it(this,c[s+l],e,l),h===$e&&(h=this._$AH[l]),o||=!Ft(h)||h!==this._$AH[l],h===v?t=v:t!==v&&(t+=(h??"")+n[l+1]),this._$AH[l]=h}o&&!r&&this.j(t)}j(t){t===v?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,t??"")}},$s=class extends rt{constructor(){super(...arguments),this.type=3}j(t){this.element[this.name]=t===v?void 0:t}},vs=class extends rt{constructor(){super(...arguments),this.type=4}j(t){this.element.toggleAttribute(this.name,!!t&&t!==v)}},ws=class extends rt{constructor(t,e,s,r,n){super(t,e,s,r,n),this.type=5}_$AI(t,e=this){if((t=it(this,t,e,0)??v)===$e)return;let s=this._$AH,r=t===v&&s!==v||t.capture!==s.capture||t.once!==s.once||t.passive!==s.passive,n=t!==v&&(s===v||r);r&&this.element.removeEventListener(this.name,this,s),n&&this.element.addEventListener(this.name,this,t),this._$AH=t}handleEvent(t){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,t):this._$AH.handleEvent(t)}},ks=class{constructor(t,e,s){this.element=t,this.type=6,this._$AN=void 0,this._$AM=e,this.options=s}get _$AU(){return this._$AM._$AU}_$AI(t){it(this,t)}},Qr={M:xi,P:Oe,A:_i,C:1,L:Xr,R:ys,D:Vr,V:it,I:vt,H:rt,N:vs,U:ws,B:$s,F:ks},Ea=Ti.litHtmlPolyfillSupport;Ea?.(jt,vt),(Ti.litHtmlVersions??=[]).push("3.3.3");var Jr=(i,t,e)=>{let s=e?.renderBefore??t,r=s._$litPart$;if(r===void 0){let n=e?.renderBefore??null;s._$litPart$=r=new vt(t.insertBefore(Ht(),n),n,void 0,e??{})}return r._$AI(i),r};var Ii=globalThis,j=class extends Ce{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let t=super.createRenderRoot();return this.renderOptions.renderBefore??=t.firstChild,t}update(t){let e=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(t),this._$Do=Jr(e,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return $e}};j._$litElement$=!0,j.finalized=!0,Ii.litElementHydrateSupport?.({LitElement:j});var Ta=Ii.litElementPolyfillSupport;Ta?.({LitElement:j});(Ii.litElementVersions??=[]).push("4.2.2");var le=i=>(t,e)=>{e!==void 0?e.addInitializer(()=>{customElements.define(i,t)}):customElements.define(i,t)};var xa={attribute:!0,type:String,converter:Ut,reflect:!1,hasChanged:ms},_a=(i=xa,t,e)=>{let{kind:s,metadata:r}=e,n=globalThis.litPropertyMetadata.get(r);if(n===void 0&&globalThis.litPropertyMetadata.set(r,n=new Map),s==="setter"&&((i=Object.create(i)).wrapped=!0),n.set(e.name,i),s==="accessor"){let{name:o}=e;return{set(c){let l=t.get.call(this);t.set.call(this,c),this.requestUpdate(o,l,i,!0,c)},init(c){return c!==void 0&&this.C(o,void 0,i,c),c}}}if(s==="setter"){let{name:o}=e;return function(c){let l=this[o];t.call(this,c),this.requestUpdate(o,l,i,!0,c)}}throw Error("Unsupported decorator location: "+s)};function _(i){return(t,e)=>typeof e=="object"?_a(i,t,e):((s,r,n)=>{let o=r.hasOwnProperty(n);return r.constructor.createProperty(n,s),o?Object.getOwnPropertyDescriptor(r,n):void 0})(i,t,e)}function k(i){return _({...i,state:!0,attribute:!1})}var Es={ATTRIBUTE:1,CHILD:2,PROPERTY:3,BOOLEAN_ATTRIBUTE:4,EVENT:5,ELEMENT:6},wt=i=>(...t)=>({_$litDirective$:i,values:t}),Fe=class{constructor(t){}get _$AU(){return this._$AM._$AU}_$AT(t,e,s){this._$Ct=t,this._$AM=e,this._$Ci=s}_$AS(t,e){return this.update(t,e)}update(t,e){return this.render(...e)}};var{I:Sa}=Qr,en=i=>i;var tn=()=>document.createComment(""),kt=(i,t,e)=>{let s=i._$AA.parentNode,r=t===void 0?i._$AB:t._$AA;if(e===void 0){let n=s.insertBefore(tn(),r),o=s.insertBefore(tn(),r);e=new Sa(n,o,i,i.options)}else{let n=e._$AB.nextSibling,o=e._$AM,c=o!==i;if(c){let l;e._$AQ?.(i),e._$AM=i,e._$AP!==void 0&&(l=i._$AU)!==o._$AU&&e._$AP(l)}if(n!==r||c){let l=e._$AA;for(;l!==n;){let h=en(l).nextSibling;en(s).insertBefore(l,r),l=h}}}return e},je=(i,t,e=i)=>(i._$AI(t,e),i),Ra={},Ts=(i,t=Ra)=>i._$AH=t,sn=i=>i._$AH,xs=i=>{i._$AR(),i._$AA.remove()};var _s=wt(class extends Fe{constructor(){super(...arguments),this.key=v}render(i,t){return this.key=i,t}update(i,[t,e]){return t!==this.key&&(Ts(i),this.key=t),e}});var rn=(i,t,e)=>{let s=new Map;for(let r=t;r<=e;r++)s.set(i[r],r);return s},qt=wt(class extends Fe{constructor(i){if(super(i),i.type!==Es.CHILD)throw Error("repeat() can only be used in text expressions")}dt(i,t,e){let s;e===void 0?e=t:t!==void 0&&(s=t);let r=[],n=[],o=0;for(let c of i)r[o]=s?s(c,o):o,n[o]=e(c,o),o++;return{values:n,keys:r}}render(i,t,e){return this.dt(i,t,e).values}update(i,[t,e,s]){let r=sn(i),{values:n,keys:o}=this.dt(t,e,s);if(!Array.isArray(r))return this.ut=o,n;let c=this.ut??=[],l=[],h,p,f=0,y=r.length-1,w=0,E=n.length-1;for(;f<=y&&w<=E;)if(r[f]===null)f++;else if(r[y]===null)y--;else if(c[f]===o[w])l[w]=je(r[f],n[w]),f++,w++;else if(c[y]===o[E])l[E]=je(r[y],n[E]),y--,E--;else if(c[f]===o[E])l[E]=je(r[f],n[E]),kt(i,l[E+1],r[f]),f++,E--;else if(c[y]===o[w])l[w]=je(r[y],n[w]),kt(i,r[f],r[y]),y--,w++;else if(h===void 0&&(h=rn(o,w,E),p=rn(c,f,y)),h.has(c[f]))if(h.has(c[y])){let C=p.get(o[w]),x=C!==void 0?r[C]:null;if(x===null){let I=kt(i,r[f]);je(I,n[w]),l[w]=I}else l[w]=je(x,n[w]),kt(i,r[f],x),r[C]=null;w++}else xs(r[y]),y--;else xs(r[f]),f++;for(;w<=E;){let C=kt(i,l[E+1]);je(C,n[w]),l[w++]=C}for(;f<=y;){let C=r[f++];C!==null&&xs(C)}return this.ut=o,Ts(i,l),$e}});var nn=["CALL","VISIT","EMAIL","SMS","SHOWROOM_VISIT","MEETING","DEMO","FOLLOW_UP","OTHER"],on=["SALES","CREDIT_CONTROL","SERVICE"];var Ss="totalCount pageInfo { hasNextPage endCursor }",an="id type purpose subject outcome mood occurredAt loggedByAgent { name }",At=`id assignee { agentId name } author { agentId name } dueAt instructions
  status outcome completedAt`,ln=`query WidgetActivityTab($id: ID!, $first: Int!) {
  me { subject agent { agentId name } permissions { capabilities } }
  outcomes: choices(list: OUTCOME) { value label }
  moods: choices(list: MOOD) { value label }
  customer(id: $id) {
    id
    interactions(first: $first) { ${Ss} edges { node { ${an} } } }
    followUps(first: $first) { ${Ss} edges { node { ${At} } } }
  }
}`,cn=`query WidgetMoreInteractions($id: ID!, $first: Int!,
    $after: String!) {
  customer(id: $id) {
    id
    interactions(first: $first, after: $after) { ${Ss} edges { node { ${an} } } }
  }
}`,un=`query WidgetMoreFollowUps($id: ID!, $first: Int!, $after: String!) {
  customer(id: $id) {
    id
    followUps(first: $first, after: $after) { ${Ss} edges { node { ${At} } } }
  }
}`,Bt="errors { field code message }",pn=`mutation WidgetLogInteraction($input: LogInteractionInput!) {
  logInteraction(input: $input) { interaction { id subject } followUp { id } ${Bt} }
}`,hn=`mutation WidgetCompleteFollowUp($input: CompleteFollowUpInput!) {
  completeFollowUp(input: $input) { followUp { ${At} } ${Bt} }
}`,dn=`mutation WidgetRescheduleFollowUp(
    $input: RescheduleFollowUpInput!) {
  rescheduleFollowUp(input: $input) { followUp { ${At} } ${Bt} }
}`,fn=`mutation WidgetReassignFollowUp($input: ReassignFollowUpInput!) {
  reassignFollowUp(input: $input) { followUp { ${At} } ${Bt} }
}`,gn=`mutation WidgetCancelFollowUp($input: CancelFollowUpInput!) {
  cancelFollowUp(input: $input) { followUp { ${At} } ${Bt} }
}`;function Ci(i){return i?.permissions.capabilities.includes("WRITE_ACTIVITY")??!1}function mn(i,t,e){if(!i||e.status!=="OPEN"||!Ci(i))return!1;let s=i.permissions.capabilities,r=t.toUpperCase(),n=[e.assignee?.agentId,e.author?.agentId].includes(i.subject);return s.includes(`${r}_ANY_FOLLOW_UP`)||n&&s.includes(`${r}_OWN_FOLLOW_UP`)}function Rs(i){return new Date(i.getTime()-i.getTimezoneOffset()*6e4).toISOString().slice(0,16)}function Et(i){let t=new Date(i);return i&&!Number.isNaN(t.getTime())?t.toISOString():null}function Is(i,t){return t?i.find(e=>e.value===t)?.label??t:""}var G=class extends Error{},nt=class extends Error{},Oi=class extends Error{constructor(e,s){super(e);this.codes=s}},Ia=2e4,Wt=class{constructor(t,e){this.endpoint=t;this.token=e}async request(t,e={},s=[]){let r;try{r=await fetch(this.endpoint,{method:"POST",headers:{"Content-Type":"application/json",Accept:"application/graphql-response+json, application/json",Authorization:`Bearer ${this.token()}`},body:JSON.stringify({query:t,variables:e}),signal:AbortSignal.timeout(Ia)})}catch(h){throw new nt(`the gateway did not answer (${String(h)})`)}if(r.status===401)throw new G("the session has expired");if(r.status>=500)throw new nt(`the gateway answered ${r.status}`);let n;try{n=await r.json()}catch{throw new nt(`the gateway answered ${r.status} without JSON`)}let o=n.errors??[],c=o.map(h=>h.extensions?.code??"ERROR");if(c.includes("UNAUTHENTICATED"))throw new G("the session has expired");let l=n.data;if(l==null||s.some(h=>l[h]==null))throw new Oi(o.map(h=>h.message).join("; "),c);return{data:l,errors:o}}};var qe=class{constructor(t,e,s="Assignee"){this.host=t;this.find=e;this.field=s;this.query="";this.found=[];this.status="";this.asked=0;t.addController(this)}hostConnected(){}async search(t){this.query=t;let e=++this.asked,s=this.find();if(s){this.host.requestUpdate();try{let r=await s(t.trim());if(e!==this.asked)return;this.found=r,this.status=r.length?`${r.length} agent${r.length===1?"":"s"} found; choose one under ${this.field}.`:"No agent found."}catch{e===this.asked&&(this.status="Agents could not be looked up.")}this.host.requestUpdate()}}choices(t,e){let s=[...this.found,...e].find(n=>n.agentId===t),r=this.found.filter(n=>n.agentId!==t);return t?[s??{agentId:t,name:t},...r]:r}};var Cs=["GENERAL","SUPPORT","SALES","PERSONAL"],Os=["INTERACTION_LOG","ESCALATION","FOLLOW_UP","RESOLUTION","SUPERVISOR","TECHNICAL","SENTIMENT"],bn=["LOW","NORMAL","HIGH","CRITICAL"];function ot(i){return i?i.edges.map(t=>t.node):[]}function Li(i,t,e){let s=i?.permissions.capabilities??[],r=t.toUpperCase();return s.includes(`${r}_ANY_NOTE`)||e.author?.agentId===i?.subject&&s.includes(`${r}_OWN_NOTE`)}function de(i){let t=i.toLowerCase().replaceAll("_"," ");return t.charAt(0).toUpperCase()+t.slice(1)}function Be(i){return[...new Set(i.split(",").map(t=>t.trim()).filter(Boolean))]}function Ls(i,t){return{subject:"",body:"",category:"GENERAL",type:"INTERACTION_LOG",scope:i,importance:"NORMAL",pinned:!1,tags:"",followUp:!1,assigneeId:t,dueAt:"",instructions:""}}function Pi(i){return{...Ls(i.scope,""),subject:i.subject,body:i.body,category:i.category,type:i.type,importance:i.importance,pinned:i.pinned,tags:i.tags.join(", ")}}function Ps(i){let t=[];return i.subject.length>300&&t.push({field:"subject",code:"TOO_LONG",message:`The subject is ${i.subject.length} characters; the limit is 300.`}),i.body.length>1e5&&t.push({field:"body",code:"TOO_LONG",message:`The body is ${i.body.length.toLocaleString("en")} characters; the limit is ${1e5.toLocaleString("en")}. Shorten it before saving (nothing was sent).`}),t}function Tt(i,t){return i.find(e=>e.field===t)}function se(i,t){return t?g`<p class="error" id="${i}-error" role="alert">${t.message}</p>`:v}function We(i,t,e,s,r,n){return g`
    <label for=${i}>${t}</label>
    <select
      id=${i}
      .value=${e}
      aria-invalid=${n?"true":"false"}
      aria-describedby=${n?`${i}-error`:v}
      @change=${o=>r(o.target.value)}
    >
      ${s.map(o=>g`<option value=${o} ?selected=${o===e}>${de(o)}</option>`)}
    </select>
    ${se(i,n)}
  `}var at=`id customerId author { agentId name } subject body category type scope importance
  pinned tags version createdAt updatedAt`,yn=`query WidgetMe {
  me { subject roles agent { agentId name } permissions { readableScopes writableScopes capabilities } }
}`;var $n=`query WidgetNotes($id: ID!, $filter: NoteFilter, $first: Int!) {
  customer(id: $id) {
    id name tags(first: 100) { edges { node } }
    notes(first: $first, filter: $filter) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { ${at} } }
    }
  }
  controlledTags { tag }
}`,vn=`query WidgetMoreNotes($id: ID!, $filter: NoteFilter, $first: Int!,
    $after: String!) {
  customer(id: $id) {
    id
    notes(first: $first, after: $after, filter: $filter) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { ${at} } }
    }
  }
}`,Ni=`query WidgetSearch($query: String, $filter: NoteFilter!, $first: Int!,
    $after: String) {
  searchNotes(query: $query, filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { highlights { subject body } node { ${at} } }
  }
}`,wn=`query WidgetNote($id: ID!) { note(id: $id) { ${at} } }`,kn=`query WidgetHistory($id: ID!) {
  note(id: $id) {
    id
    history(first: 100) {
      edges { node { version editor { agentId name } editedAt changes { field before after } } }
    }
  }
}`,xt=`query WidgetAgents($query: String) {
  agents(query: $query, first: 20) { edges { node { agentId name role } } }
}`,An=`mutation WidgetCreate($input: CreateNoteInput!) {
  createNote(input: $input) {
    note { ${at} } errors { field code message }
    duplicates { similarity note { id subject createdAt author { name } } }
  }
}`,En=`mutation WidgetUpdate($input: UpdateNoteInput!) {
  updateNote(input: $input) { note { ${at} } errors { field code message } }
}`,Tn=`mutation WidgetDelete($input: DeleteNoteInput!) {
  deleteNote(input: $input) { note { id deleted deletedAt } errors { field code message } }
}`,xn=`mutation WidgetRestore($input: RestoreNoteInput!) {
  restoreNote(input: $input) { note { ${at} } errors { field code message } }
}`;var ce=ki`
  :host {
    display: block;
    font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
    color: #1f2933;
  }
  *:focus-visible {
    outline: 3px solid #1a56db;
    outline-offset: 2px;
  }
  label,
  .label {
    display: block;
    font-weight: 600;
    margin: 0.5rem 0 0.15rem;
  }
  input[type="text"],
  input[type="search"],
  input[type="datetime-local"],
  select,
  textarea {
    box-sizing: border-box;
    width: 100%;
    padding: 0.35rem 0.45rem;
    border: 1px solid #616e7c;
    border-radius: 4px;
    font: inherit;
    color: inherit;
    background: #fff;
  }
  textarea {
    min-height: 7rem;
    resize: vertical;
  }
  [aria-invalid="true"] {
    border-color: #b91c1c;
  }
  .row {
    display: flex;
    gap: 0.5rem;
  }
  .row > * {
    flex: 1;
  }
  .row > .fit {
    flex: 0;
  }
  .check {
    display: flex;
    align-items: center;
    gap: 0.4rem;
    font-weight: 600;
    margin: 0.5rem 0;
  }
  button {
    font: inherit;
    padding: 0.35rem 0.8rem;
    border-radius: 4px;
    border: 1px solid #1a56db;
    background: #fff;
    color: #1a56db;
    cursor: pointer;
  }
  button.primary {
    background: #1a56db;
    color: #fff;
  }
  button.danger {
    border-color: #b91c1c;
    color: #b91c1c;
  }
  button[disabled] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .error {
    color: #b91c1c;
    margin: 0.2rem 0 0;
    font-size: 0.9em;
  }
  .duplicates {
    border: 1px solid #b45309;
    border-radius: 4px;
    padding: 0.5rem;
    margin: 0.5rem 0;
  }
  .hint {
    color: #52606d;
    font-size: 0.9em;
    margin: 0.2rem 0 0;
  }
  .status {
    padding: 0.4rem 0.6rem;
    border-radius: 4px;
    background: #eff6ff;
    color: #1e3a8a;
    margin: 0.5rem 0;
  }
  .status.warn {
    background: #fef3c7;
    color: #78350f;
  }
  .spinner {
    display: inline-block;
    width: 0.9em;
    height: 0.9em;
    border: 2px solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
    vertical-align: -0.1em;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  .actions {
    display: flex;
    gap: 0.5rem;
    flex-wrap: wrap;
    margin-top: 0.6rem;
    align-items: center;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .chips {
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 0.3rem;
    padding: 0;
    margin: 0.3rem 0;
  }
  .chips li {
    background: #e4e7eb;
    border-radius: 999px;
    padding: 0 0.6rem;
  }
  .chips button {
    border: none;
    padding: 0 0.2rem;
    background: transparent;
    color: #1f2933;
  }
  ul.notes {
    list-style: none;
    padding: 0;
  }
  ul.notes > li {
    border: 1px solid #d9e2ec;
    border-radius: 6px;
    padding: 0.2rem 0.8rem 0.6rem;
    margin: 0.6rem 0;
  }
  h2 {
    font-size: 1.2rem;
    margin: 0 0 0.5rem;
  }
  h3 {
    font-size: 1rem;
    margin: 0.5rem 0 0.2rem;
  }
  [role="tablist"] {
    display: flex;
    gap: 0.3rem;
    border-bottom: 1px solid #d9e2ec;
    margin-bottom: 0.6rem;
  }
  [role="tab"] {
    border: none;
    border-bottom: 3px solid transparent;
    border-radius: 0;
    color: #3e4c59;
  }
  [role="tab"][aria-selected="true"] {
    border-bottom-color: #1a56db;
    color: #102a43;
    font-weight: 600;
  }
  fieldset {
    border: 1px solid #d9e2ec;
    border-radius: 4px;
  }
  .markdown :is(p, ul, ol, pre, blockquote) {
    margin: 0.3rem 0;
  }
  .markdown pre {
    white-space: pre-wrap;
  }
  .matches em {
    font-style: normal;
    font-weight: 600;
    background: #fef08a;
  }
`;var Ns={complete:{button:"Complete",form:"Complete the follow-up",first:"outcome",query:hn,root:"completeFollowUp",done:"completed"},reschedule:{button:"Reschedule",form:"Reschedule the follow-up",first:"due",query:dn,root:"rescheduleFollowUp",done:"rescheduled"},reassign:{button:"Reassign",form:"Reassign the follow-up",first:"find",query:fn,root:"reassignFollowUp",done:"reassigned"},cancel:{button:"Cancel follow-up",form:"Cancel the follow-up",first:"reason",query:gn,root:"cancelFollowUp",done:"cancelled"}},Ca=["complete","reschedule","reassign","cancel"],Oa={due:"dueAt",assignee:"assigneeId"},La=0,J=class extends j{constructor(){super(...arguments);this.outcomes=[];this.allowed=[];this.mode=null;this.outcome="";this.comment="";this.dueAt="";this.reason="";this.assigneeId="";this.errors=[];this.busy=!1;this.uid=`a${++La}`;this.last="complete";this.agents=new qe(this,()=>this.findAgents,"New assignee");this.findAgents=async e=>{let{data:s}=await this.client.request(xt,{query:e||null});return s.agents?.edges.map(r=>r.node)??[]}}async show(e){let s=this.mode;this.mode=e,this.errors=[],this.reason="",e==="reschedule"&&(this.dueAt=Rs(new Date(this.followUp.dueAt))),e==="reassign"&&(this.assigneeId="",this.agents.found.length||this.agents.search(this.agents.query)),await this.updateComplete;let r=e?`#${this.uid}-${Ns[e].first}`:`#${this.uid}-${s??"complete"}`;this.renderRoot.querySelector(r)?.focus()}input(e){let s=this.followUp.id;switch(e){case"complete":return this.outcome?{id:s,outcome:this.outcome,comment:this.comment||null}:[{field:"outcome",code:"REQUIRED",message:"Choose an outcome."}];case"reschedule":{let r=Et(this.dueAt);return r?{id:s,dueAt:r,reason:this.reason||null}:[{field:"dueAt",code:"REQUIRED",message:"Choose a due date."}]}case"reassign":return this.assigneeId?{id:s,assigneeId:this.assigneeId}:[{field:"assigneeId",code:"REQUIRED",message:"Choose the new assignee."}];case"cancel":return{id:s,reason:this.reason||null}}}async send(){let e=this.mode;if(this.busy||!e)return;let s=this.input(e);if(Array.isArray(s))return this.fail(s);let{query:r,root:n,done:o}=Ns[e];this.busy=!0;try{let{data:c}=await this.client.request(r,{input:s},[n]),l=c[n];if(l.errors.length||!l.followUp)return this.fail(l.errors);this.mode=null,this.errors=[],this.last=e,this.dispatchEvent(new CustomEvent("follow-up-changed",{detail:{id:this.followUp.id,action:o,followUp:l.followUp},bubbles:!0,composed:!0}))}catch(c){let l=c instanceof G?"Your session has expired; sign in again and try once more.":`Not saved: ${c instanceof Error?c.message:c}`;this.fail([{field:null,code:"FAILED",message:l}])}finally{this.busy=!1}}focusAction(){let e=[...this.renderRoot.querySelectorAll(".actions > button")],s=e.find(r=>r.id===`${this.uid}-${this.last}`)??e[0];return s?.focus(),s!==void 0}async fail(e){this.errors=e,await this.updateComplete,this.renderRoot.querySelector('[aria-invalid="true"]')?.focus()}render(){let e=Ca.filter(s=>this.allowed.includes(s));return e.length?g`
      <div class="actions">
        ${e.map(s=>g`<button
            type="button"
            id="${this.uid}-${s}"
            class=${s==="cancel"?"danger":""}
            aria-expanded=${this.mode===s?"true":"false"}
            @click=${()=>this.show(this.mode===s?null:s)}
          >${Ns[s].button}</button>`)}
      </div>
      ${this.mode?this.form(this.mode):v}
    `:v}field(e,s,r){let n=`${this.uid}-${e}`,o=Tt(this.errors,Oa[e]??e);return g`<label for=${n}>${s}</label>${r(n,o)}${se(n,o)}`}fields(e){let s=(c,l)=>l?`${c}-error`:v,r=c=>c?"true":"false",n=(c,l)=>(h,p)=>g`<input
        id=${h}
        type="text"
        .value=${c}
        aria-invalid=${r(p)}
        aria-describedby=${s(h,p)}
        @input=${f=>l(f.target.value)}
      />`,o=this.field("reason","Reason",n(this.reason,c=>this.reason=c));switch(e){case"complete":return g`
          ${this.field("outcome","Outcome",(c,l)=>g`<select
            id=${c}
            aria-invalid=${r(l)}
            aria-describedby=${s(c,l)}
            @change=${h=>this.outcome=h.target.value}
          >
            <option value="" ?selected=${!this.outcome}>(choose)</option>
            ${this.outcomes.map(h=>g`<option value=${h.value} ?selected=${h.value===this.outcome}>
                ${h.label}
              </option>`)}
          </select>`)}
          ${this.field("comment","Comment",n(this.comment,c=>this.comment=c))}
        `;case"reschedule":return g`
          ${this.field("due","New due date",(c,l)=>g`<input
            id=${c}
            type="datetime-local"
            .value=${this.dueAt}
            aria-invalid=${r(l)}
            aria-describedby=${s(c,l)}
            @input=${h=>this.dueAt=h.target.value}
          />`)}
          ${o}
        `;case"reassign":return this.picker(s,r);case"cancel":return g`<p>Cancel this follow-up? It stays listed, as cancelled, and cannot be reopened.</p>
          ${o}`}}picker(e,s){let r=`${this.uid}-find`,n=this.followUp.assignee?.agentId,o=this.agents.choices(this.assigneeId,[]).filter(c=>c.agentId!==n);return g`
      <label for=${r}>Find agent</label>
      <input
        id=${r}
        type="search"
        autocomplete="off"
        aria-describedby="${r}-status"
        .value=${this.agents.query}
        @input=${c=>this.agents.search(c.target.value)}
      />
      <span id="${r}-status" class="hint" role="status">${this.agents.status}</span>
      ${this.field("assignee","New assignee",(c,l)=>g`<select
        id=${c}
        aria-invalid=${s(l)}
        aria-describedby=${e(c,l)}
        @change=${h=>this.assigneeId=h.target.value}
      >
        <option value="" ?selected=${!this.assigneeId}>(choose)</option>
        ${o.map(h=>g`<option value=${h.agentId} ?selected=${h.agentId===this.assigneeId}>
            ${h.name}
          </option>`)}
      </select>`)}
    `}form(e){let s=["outcome","comment","dueAt","reason","assigneeId"],r=this.errors.filter(o=>!s.includes(o.field??"")),n={complete:"Save completion",reschedule:"Save new due date",reassign:"Save new assignee",cancel:"Yes, cancel it"}[e];return g`
      <form
        aria-label=${Ns[e].form}
        aria-busy=${this.busy?"true":"false"}
        @submit=${o=>{o.preventDefault(),this.send()}}
        @keydown=${o=>{o.key==="Escape"&&this.show(null)}}
      >
        ${this.fields(e)}
        ${r.map(o=>g`<p class="error" role="alert">${o.message}</p>`)}
        <div class="actions">
          <button class=${e==="cancel"?"danger":"primary"} type="submit" ?disabled=${this.busy}>
            ${n}
          </button>
          <button type="button" @click=${()=>this.show(null)}>
            ${e==="cancel"?"Keep it":"Close"}
          </button>
        </div>
      </form>
    `}};J.styles=ce,m([_({attribute:!1})],J.prototype,"client",2),m([_({attribute:!1})],J.prototype,"followUp",2),m([_({attribute:!1})],J.prototype,"outcomes",2),m([_({attribute:!1})],J.prototype,"allowed",2),m([k()],J.prototype,"mode",2),m([k()],J.prototype,"outcome",2),m([k()],J.prototype,"comment",2),m([k()],J.prototype,"dueAt",2),m([k()],J.prototype,"reason",2),m([k()],J.prototype,"assigneeId",2),m([k()],J.prototype,"errors",2),m([k()],J.prototype,"busy",2),J=m([le("c360-follow-up-actions")],J);var Pa=["type","purpose","subject","detail","outcome","mood","occurredAt"],Na=0,ne=class extends j{constructor(){super(...arguments);this.customerId="";this.outcomes=[];this.moods=[];this.me=null;this.open=!1;this.draft=this.blank();this.errors=[];this.busy=!1;this.status="";this.agents=new qe(this,()=>this.findAgents);this.uid=`i${++Na}`;this.findAgents=async e=>{let{data:s}=await this.client.request(xt,{query:e||null});return s.agents?.edges.map(r=>r.node)??[]}}blank(){return{type:"CALL",purpose:"SERVICE",subject:"",detail:"",outcome:"",mood:"",occurredAt:Rs(new Date),followUp:!1,assigneeId:this.me?.agentId??"",dueAt:"",instructions:""}}set(e,s){this.draft={...this.draft,[e]:s}}async toggle(){this.open=!this.open,this.open&&(this.draft.assigneeId||this.set("assigneeId",this.me?.agentId??""),await this.updateComplete,this.renderRoot.querySelector(`#${this.uid}-type`)?.focus())}input(){let e=this.draft;return{customerId:this.customerId,type:e.type,purpose:e.purpose,subject:e.subject,detail:e.detail||null,outcome:e.outcome||null,mood:e.mood||null,occurredAt:Et(e.occurredAt),followUp:e.followUp?{assigneeId:e.assigneeId,dueAt:Et(e.dueAt),instructions:e.instructions||null}:null}}async submit(){if(this.busy)return;let e=[];if(this.draft.followUp&&!Et(this.draft.dueAt)&&e.push({field:"followUp.dueAt",code:"REQUIRED",message:"Choose a due date."}),e.length)return this.fail(e);this.busy=!0,this.status="";try{let{data:s}=await this.client.request(pn,{input:this.input()},["logInteraction"]),r=s.logInteraction;if(r.errors.length||!r.interaction)return this.fail(r.errors);this.errors=[],this.status=`Logged “${r.interaction.subject}”.`,this.draft=this.blank(),this.dispatchEvent(new CustomEvent("interaction-logged",{detail:{id:r.interaction.id},bubbles:!0,composed:!0}))}catch(s){let r=s instanceof G?"Your session has expired; sign in again and save once more (your entry is kept).":`The interaction was not saved: ${s instanceof Error?s.message:s}`;this.fail([{field:null,code:"FAILED",message:r}])}finally{this.busy=!1}}async fail(e){this.errors=e,this.status="The interaction was not saved: see the highlighted fields.",await this.updateComplete,this.renderRoot.querySelector('[aria-invalid="true"]')?.focus()}render(){return g`
      <div class="actions">
        <button
          type="button"
          aria-expanded=${this.open?"true":"false"}
          aria-controls="${this.uid}-form"
          @click=${()=>this.toggle()}
        >
          ${this.open?"Close the interaction form":"Log an interaction"}
        </button>
      </div>
      <div role="status" class=${this.status?"status":""}>${this.status}</div>
      ${this.open?this.form():v}
    `}form(){let e=this.draft,s=l=>`${this.uid}-${l}`,r=l=>Tt(this.errors,l),n=this.errors.filter(l=>!Pa.includes(l.field??"")&&!(l.field??"").startsWith("followUp.")),o=(l,h,p)=>g`
      <label for=${s(l)}>${h}</label>
      <select
        id=${s(l)}
        aria-invalid=${r(l)?"true":"false"}
        aria-describedby=${r(l)?`${s(l)}-error`:v}
        @change=${f=>this.set(l,f.target.value)}
      >
        <option value="" ?selected=${!e[l]}>(none)</option>
        ${p.map(f=>g`<option value=${f.value} ?selected=${f.value===e[l]}>${f.label}</option>`)}
      </select>
      ${se(s(l),r(l))}
    `,c=(l,h,p)=>g`
      <label for=${s(l)}>${h}</label>
      <input
        id=${s(l)}
        type=${p}
        .value=${e[l]}
        aria-invalid=${r(l)?"true":"false"}
        aria-describedby=${r(l)?`${s(l)}-error`:v}
        @input=${f=>this.set(l,f.target.value)}
      />
      ${se(s(l),r(l))}
    `;return g`
      <form
        id="${this.uid}-form"
        aria-label="Log an interaction"
        aria-busy=${this.busy?"true":"false"}
        @keydown=${l=>{l.key==="Enter"&&(l.ctrlKey||l.metaKey)&&(l.preventDefault(),this.submit())}}
        @submit=${l=>{l.preventDefault(),this.submit()}}
      >
        <div class="row">
          <div>
            ${We(s("type"),"Type",e.type,nn,l=>this.set("type",l),r("type"))}
          </div>
          <div>
            ${We(s("purpose"),"Purpose",e.purpose,on,l=>this.set("purpose",l),r("purpose"))}
          </div>
        </div>
        ${c("subject","Subject","text")}
        <label for=${s("detail")}>Detail (markdown)</label>
        <textarea
          id=${s("detail")}
          .value=${e.detail}
          aria-invalid=${r("detail")?"true":"false"}
          aria-describedby=${r("detail")?`${s("detail")}-error`:v}
          @input=${l=>this.set("detail",l.target.value)}
        ></textarea>
        ${se(s("detail"),r("detail"))}
        <div class="row">
          <div>${o("outcome","Outcome",this.outcomes)}</div>
          <div>${o("mood","Mood",this.moods)}</div>
        </div>
        ${c("occurredAt","Occurred at","datetime-local")}
        ${this.followUp(s,r)}
        ${n.map(l=>g`<p class="error" role="alert">${l.message}</p>`)}
        <div class="actions">
          <button class="primary" type="submit" ?disabled=${this.busy}>Save interaction</button>
          ${this.busy?g`<span role="status"><span class="spinner" aria-hidden="true"></span> Saving…</span>`:v}
        </div>
      </form>
    `}followUp(e,s){let r=this.draft,n=this.me?[this.me]:[];return g`
      <label class="check">
        <input
          type="checkbox"
          .checked=${r.followUp}
          @change=${o=>{let c=o.target.checked;this.set("followUp",c),c&&!this.agents.found.length&&this.agents.search(this.agents.query)}}
        />
        Add a follow-up
      </label>
      ${r.followUp?g`<fieldset>
            <legend>Follow-up</legend>
            <label for=${e("assignee-find")}>Find assignee</label>
            <input
              id=${e("assignee-find")}
              type="search"
              autocomplete="off"
              aria-describedby=${e("assignee-found")}
              .value=${this.agents.query}
              @input=${o=>this.agents.search(o.target.value)}
            />
            <span id=${e("assignee-found")} class="hint" role="status">${this.agents.status}</span>
            <label for=${e("assignee")}>Assignee</label>
            <select
              id=${e("assignee")}
              aria-invalid=${s("followUp.assigneeId")?"true":"false"}
              aria-describedby=${s("followUp.assigneeId")?`${e("assignee")}-error`:v}
              @change=${o=>this.set("assigneeId",o.target.value)}
            >
              ${this.agents.choices(r.assigneeId,n).map(o=>g`<option value=${o.agentId} ?selected=${o.agentId===r.assigneeId}>
                  ${o.name}${o.agentId===this.me?.agentId?" (me)":""}
                </option>`)}
            </select>
            ${se(e("assignee"),s("followUp.assigneeId"))}
            <label for=${e("due")}>Due</label>
            <input
              id=${e("due")}
              type="datetime-local"
              .value=${r.dueAt}
              aria-invalid=${s("followUp.dueAt")?"true":"false"}
              aria-describedby=${s("followUp.dueAt")?`${e("due")}-error`:v}
              @input=${o=>this.set("dueAt",o.target.value)}
            />
            ${se(e("due"),s("followUp.dueAt"))}
            <label for=${e("instructions")}>Instructions</label>
            <input
              id=${e("instructions")}
              type="text"
              .value=${r.instructions}
              aria-invalid=${s("followUp.instructions")?"true":"false"}
              aria-describedby=${s("followUp.instructions")?`${e("instructions")}-error`:v}
              @input=${o=>this.set("instructions",o.target.value)}
            />
            ${se(e("instructions"),s("followUp.instructions"))}
          </fieldset>`:v}
    `}};ne.styles=ce,m([_({attribute:!1})],ne.prototype,"client",2),m([_()],ne.prototype,"customerId",2),m([_({attribute:!1})],ne.prototype,"outcomes",2),m([_({attribute:!1})],ne.prototype,"moods",2),m([_({attribute:!1})],ne.prototype,"me",2),m([k()],ne.prototype,"open",2),m([k()],ne.prototype,"draft",2),m([k()],ne.prototype,"errors",2),m([k()],ne.prototype,"busy",2),m([k()],ne.prototype,"status",2),ne=m([le("c360-interaction-form")],ne);var Ds=class{constructor(){this.items=[];this.total=0;this.next=null;this.loading=!1}show(t,e){let s=ot(t),r=new Set(this.items.map(n=>n.id));this.items=e?[...this.items,...s.filter(n=>!r.has(n.id))]:s,this.total=t?.totalCount??this.items.length,this.next=t?.pageInfo?.hasNextPage?t.pageInfo.endCursor??null:null}replace(t){let e=this.items.findIndex(s=>s.id===t.id);return e<0?!1:(this.items=this.items.map((s,r)=>r===e?t:s),!0)}more(t,e,s){if(!this.next)return v;let r=Math.max(this.total-this.items.length,0);return g`<div class="actions">
      <button type="button" id=${t} ?disabled=${this.loading} aria-describedby="${t}-shown"
        @click=${s}>${this.loading?`Loading more ${e}…`:`Load more ${e} (${r} more)`}</button>
      <span id="${t}-shown" class="hint">${this.items.length} of ${this.total} ${e} shown</span>
    </div>`}};var Da=["complete","reschedule","reassign","cancel"],Gt={interactions:{query:cn,button:"more-interactions",what:"interactions"},followUps:{query:un,button:"more-follow-ups",what:"follow-ups"}},Sn=i=>new Date(i).toISOString().slice(0,16).replace("T"," "),oe=class extends j{constructor(){super(...arguments);this.customerId="";this.me=null;this.outcomes=[];this.moods=[];this.interactions=null;this.followUps=null;this.loading=!0;this.failure="";this.status=""}connectedCallback(){super.connectedCallback(),this.load()}async load(){try{let{data:e}=await this.client.request(ln,{id:this.customerId,first:50}),s=e.customer;this.me=e.me,this.outcomes=e.outcomes??[],this.moods=e.moods??[],this.interactions=this.firstPage(s?.interactions),this.followUps=this.firstPage(s?.followUps),this.failure=""}catch(e){this.failure=`Activity could not be loaded: ${e instanceof Error?e.message:e}`}finally{this.loading=!1}}firstPage(e){if(!e)return null;let s=new Ds;return s.show(e,!1),s}async loadMore(e){let s=this[e],r=s?.next;if(!s||!r||s.loading)return;s.loading=!0,this.requestUpdate();try{let{data:o}=await this.client.request(Gt[e].query,{id:this.customerId,first:50,after:r});s.show(o.customer?.[e],!0),this.failure=""}catch(o){o instanceof G&&this.dispatchEvent(new CustomEvent("auth-needed",{bubbles:!0,composed:!0})),this.failure=`More ${Gt[e].what} could not be loaded: ${o instanceof Error?o.message:o}`}finally{s.loading=!1,this.requestUpdate()}await this.updateComplete,(this.renderRoot.querySelector(`#${Gt[e].button}`)??this.renderRoot.querySelector(`#${e}-list`))?.focus()}async changed(e){let s=e.target;this.status=`Follow-up ${e.detail.action}.`;let r=e.detail.followUp;if(!r||!this.followUps?.replace(r))return this.load();this.requestUpdate(),await this.updateComplete,await s.updateComplete,s.focusAction()||this.renderRoot.querySelector("#followUps-list")?.focus()}render(){if(this.loading)return g`<p role="status"><span class="spinner" aria-hidden="true"></span> Loading…</p>`;let e=this.interactions!==null&&Ci(this.me);return g`
      ${this.failure?g`<p class="error" role="alert">${this.failure}</p>`:v}
      <section aria-labelledby="interactions-heading">
        <h3 id="interactions-heading">Interactions</h3>
        ${e?g`<c360-interaction-form
              .client=${this.client}
              .customerId=${this.customerId}
              .outcomes=${this.outcomes}
              .moods=${this.moods}
              .me=${this.me?.agent??(this.me?{agentId:this.me.subject,name:this.me.subject}:null)}
              @interaction-logged=${()=>{this.load()}}
            ></c360-interaction-form>`:v}
        ${this.interactions===null?g`<p class="hint">Not available to your role.</p>`:this.interactions.items.length?g`<ul id="interactions-list" tabindex="-1" aria-label="Interactions list">
                  ${qt(this.interactions.items,s=>s.id,s=>g`<li>
                <strong>${de(s.type)}</strong> (${de(s.purpose)}) — ${s.subject}
                <span class="hint">${Sn(s.occurredAt)} · ${s.loggedByAgent?.name??"—"}${s.outcome?` · ${Is(this.outcomes,s.outcome)}`:""}${s.mood?` · ${Is(this.moods,s.mood)}`:""}</span>
              </li>`)}</ul>
                ${this.interactions.more(Gt.interactions.button,"interactions",()=>{this.loadMore("interactions")})}`:g`<p class="hint">No interactions yet.</p>`}
      </section>
      <section aria-labelledby="followups-heading">
        <h3 id="followups-heading">Follow-ups</h3>
        <div role="status" class=${this.status?"status":""}>${this.status}</div>
        ${this.followUps===null?g`<p class="hint">Not available to your role.</p>`:this.followUps.items.length?g`<ul id="followUps-list" tabindex="-1" aria-label="Follow-ups list">
                  ${qt(this.followUps.items,s=>s.id,s=>this.followUp(s))}</ul>
                ${this.followUps.more(Gt.followUps.button,"follow-ups",()=>{this.loadMore("followUps")})}`:g`<p class="hint">No follow-ups.</p>`}
      </section>
    `}followUp(e){let s=e.author&&e.author.agentId!==e.assignee?.agentId?` · by ${e.author.name}`:"";return g`<li>
      Due ${Sn(e.dueAt)} · ${e.assignee?.name??"—"}${s}${e.status!=="OPEN"?` · ${de(e.status)}`:""}${e.outcome?` · ${Is(this.outcomes,e.outcome)}`:""}
      ${e.instructions?g`<div>${e.instructions}</div>`:v}
      <c360-follow-up-actions
        .client=${this.client}
        .followUp=${e}
        .outcomes=${this.outcomes}
        .allowed=${Da.filter(r=>mn(this.me,r,e))}
        @follow-up-changed=${r=>{this.changed(r)}}
      ></c360-follow-up-actions>
    </li>`}};oe.styles=ce,m([_({attribute:!1})],oe.prototype,"client",2),m([_()],oe.prototype,"customerId",2),m([k()],oe.prototype,"me",2),m([k()],oe.prototype,"outcomes",2),m([k()],oe.prototype,"moods",2),m([k()],oe.prototype,"interactions",2),m([k()],oe.prototype,"followUps",2),m([k()],oe.prototype,"loading",2),m([k()],oe.prototype,"failure",2),m([k()],oe.prototype,"status",2),oe=m([le("c360-activity")],oe);var Ma=/^[A-Z][A-Za-z0-9]*:./;function Ua(i){try{let t=Uint8Array.from(atob(i),e=>e.charCodeAt(0));return new TextDecoder("utf-8",{fatal:!0}).decode(t)}catch{return null}}function Ms(i){let t=Ua(i);if(t!==null&&Ma.test(t))return i;let e=new TextEncoder().encode(`Customer360:${i}`);return btoa(String.fromCharCode(...e))}var Yt=class extends Fe{constructor(t){if(super(t),this.it=v,t.type!==Es.CHILD)throw Error(this.constructor.directiveName+"() can only be used in child bindings")}render(t){if(t===v||t==null)return this._t=void 0,this.it=t;if(t===$e)return t;if(typeof t!="string")throw Error(this.constructor.directiveName+"() called with a non-string value");if(t===this.it)return this._t;this.it=t;let e=[t];return e.raw=e,this._t={_$litType$:this.constructor.resultType,strings:e,values:[]}}};Yt.directiveName="unsafeHTML",Yt.resultType=1;var _t=wt(Yt);function za(i,t){this.v=i,this.k=t}function Rn(i,t){(t==null||t>i.length)&&(t=i.length);for(var e=0,s=Array(t);e<t;e++)s[e]=i[e];return s}function Ha(i){if(Array.isArray(i))return i}function Fa(i,t){var e=i==null?null:typeof Symbol<"u"&&i[Symbol.iterator]||i["@@iterator"];if(e!=null){var s,r,n,o,c=[],l=!0,h=!1;try{if(n=(e=e.call(i)).next,t===0){if(Object(e)!==e)return;l=!1}else for(;!(l=(s=n.call(e)).done)&&(c.push(s.value),c.length!==t);l=!0);}catch(p){h=!0,r=p}finally{try{if(!l&&e.return!=null&&(o=e.return(),Object(o)!==o))return}finally{if(h)throw r}}return c}}function ja(){throw new TypeError(`Invalid attempt to destructure non-iterable instance.
In order to be iterable, non-array objects must have a [Symbol.iterator]() method.`)}function qa(i,t){return Ha(i)||Fa(i,t)||Ba(i,t)||ja()}function Ba(i,t){if(i){if(typeof i=="string")return Rn(i,t);var e={}.toString.call(i).slice(8,-1);return e==="Object"&&i.constructor&&(e=i.constructor.name),e==="Map"||e==="Set"?Array.from(i):e==="Arguments"||/^(?:Ui|I)nt(?:8|16|32)(?:Clamped)?Array$/.test(e)?Rn(i,t):void 0}}function Us(i){var t,e;function s(n,o){try{var c=i[n](o),l=c.value,h=l instanceof za;Promise.resolve(h?l.v:l).then(function(p){if(h){var f=n==="return"&&l.k?n:"next";if(!l.k||p.done)return s(f,p);p=i[f](p).value}r(!!c.done,p)},function(p){s("throw",p)})}catch(p){r(2,p)}}function r(n,o){n===2?t.reject(o):t.resolve({value:o,done:n}),(t=t.next)?s(t.key,t.arg):e=null}this._invoke=function(n,o){return new Promise(function(c,l){var h={key:n,arg:o,resolve:c,reject:l,next:null};e?e=e.next=h:(t=e=h,s(n,o))})},typeof i.return!="function"&&(this.return=void 0)}Us.prototype[typeof Symbol=="function"&&Symbol.asyncIterator||"@@asyncIterator"]=function(){return this},Us.prototype.next=function(i){return this._invoke("next",i)},Us.prototype.throw=function(i){return this._invoke("throw",i)},Us.prototype.return=function(i){return this._invoke("return",i)};var jn=Object.entries,Wa=Object.keys,In=Object.setPrototypeOf,Ga=Object.isFrozen,qn=Object.getPrototypeOf,Bn=Object.getOwnPropertyDescriptor,K=Object.freeze,q=Object.seal,Ye=Object.create,Wn=typeof Reflect<"u"&&Reflect,Fs=Wn.apply,Gi=Wn.construct;K||(K=function(t){return t});q||(q=function(t){return t});Fs||(Fs=function(t,e){for(var s=arguments.length,r=new Array(s>2?s-2:0),n=2;n<s;n++)r[n-2]=arguments[n];return t.apply(e,r)});Gi||(Gi=function(t){for(var e=arguments.length,s=new Array(e>1?e-1:0),r=1;r<e;r++)s[r-1]=arguments[r];return new t(...s)});var Le=D(Array.prototype.forEach),Ya=D(Array.prototype.lastIndexOf),Cn=D(Array.prototype.pop),Vt=D(Array.prototype.push),Va=D(Array.prototype.slice),Ka=D(Array.prototype.splice),St=Array.isArray,Di=Gn(Set),Mi=D(Set.prototype.add),Kt=D(Set.prototype.has),lt=D(String.prototype.toLowerCase),Ui=D(String.prototype.toString),Za=D(String.prototype.match),zs=D(String.prototype.replace),zi=D(String.prototype.indexOf),Xa=D(String.prototype.trim),Qa=D(Number.prototype.toString),Ja=D(Boolean.prototype.toString),On=typeof BigInt>"u"?null:D(BigInt.prototype.toString),Ln=typeof Symbol>"u"?null:D(Symbol.prototype.toString),ie=D(Object.prototype.hasOwnProperty),Zt=D(Object.prototype.toString),el=RegExp.prototype.test,V=function(t,e){return t instanceof RegExp&&(t.lastIndex=0),Fs(el,t,[e])},Pe=Gn(TypeError);function D(i){return function(t){for(var e=arguments.length,s=new Array(e>1?e-1:0),r=1;r<e;r++)s[r-1]=arguments[r];return Fs(i,t,s)}}function Gn(i){return function(){for(var t=arguments.length,e=new Array(t),s=0;s<t;s++)e[s]=arguments[s];return Gi(i,e)}}function O(i,t){let e=arguments.length>2&&arguments[2]!==void 0?arguments[2]:lt;if(In&&In(i,null),!St(t))return i;let s=t.length;for(;s--;){let r=t[s];if(typeof r=="string"){let n=e(r);n!==r&&(Ga(t)||(t[s]=n),r=n)}i[r]=!0}return i}function tl(i){for(let t=0;t<i.length;t++)ie(i,t)||(i[t]=null);return i}function js(i){let t=Ye(null);for(let s of jn(i)){var e=qa(s,2);let r=e[0],n=e[1];ie(i,r)&&(St(n)?t[r]=tl(n):n&&typeof n=="object"&&n.constructor===Object?t[r]=js(n):t[r]=n)}return t}function Xt(i){let t=Ye(null),e=Wa(i),s=e.length;for(;s--;)t[e[s]]=i[e[s]];return t}function sl(i){switch(typeof i){case"string":return i;case"number":return Qa(i);case"boolean":return Ja(i);case"bigint":return On?On(i):"0";case"symbol":return Ln?Ln(i):"Symbol()";case"undefined":return Zt(i);case"function":case"object":{if(i===null)return Zt(i);let t=i,e=ge(t,"toString");if(typeof e=="function"){let s=e(t);return typeof s=="string"?s:Zt(s)}return Zt(i)}default:return Zt(i)}}function ge(i,t){for(;i!==null;){let s=Bn(i,t);if(s){if(s.get)return D(s.get);if(typeof s.value=="function")return D(s.value)}i=qn(i)}function e(){return null}return e}function il(i,t){for(;i!==null;){let e=Bn(i,t);if(e)return e.get?D(e.get):null;i=qn(i)}return null}function rl(i){if(!i)return!1;try{return V(i,""),!0}catch{return!1}}var Pn=K(["a","abbr","acronym","address","area","article","aside","audio","b","bdi","bdo","big","blink","blockquote","body","br","button","canvas","caption","center","cite","code","col","colgroup","content","data","datalist","dd","decorator","del","details","dfn","dialog","dir","div","dl","dt","element","em","fieldset","figcaption","figure","font","footer","form","h1","h2","h3","h4","h5","h6","head","header","hgroup","hr","html","i","img","input","ins","kbd","label","legend","li","main","map","mark","marquee","menu","menuitem","meter","nav","nobr","ol","optgroup","option","output","p","picture","pre","progress","q","rp","rt","ruby","s","samp","search","section","select","shadow","slot","small","source","spacer","span","strike","strong","style","sub","summary","sup","table","tbody","td","template","textarea","tfoot","th","thead","time","tr","track","tt","u","ul","var","video","wbr"]),Hi=K(["svg","a","altglyph","altglyphdef","altglyphitem","animatecolor","animatemotion","animatetransform","circle","clippath","defs","desc","ellipse","filter","font","g","glyph","glyphref","hkern","image","line","lineargradient","marker","mask","metadata","mpath","path","pattern","polygon","polyline","radialgradient","rect","stop","style","switch","symbol","text","textpath","title","tref","tspan","view","vkern"]),Fi=K(["feBlend","feColorMatrix","feComponentTransfer","feComposite","feConvolveMatrix","feDiffuseLighting","feDisplacementMap","feDistantLight","feDropShadow","feFlood","feFuncA","feFuncB","feFuncG","feFuncR","feGaussianBlur","feImage","feMerge","feMergeNode","feMorphology","feOffset","fePointLight","feSpecularLighting","feSpotLight","feTile","feTurbulence"]),nl=K(["animate","color-profile","cursor","discard","font-face","font-face-format","font-face-name","font-face-src","font-face-uri","foreignobject","hatch","hatchpath","mesh","meshgradient","meshpatch","meshrow","missing-glyph","script","set","solidcolor","unknown","use"]),ji=K(["math","menclose","merror","mfenced","mfrac","mglyph","mi","mlabeledtr","mmultiscripts","mn","mo","mover","mpadded","mphantom","mroot","mrow","ms","mspace","msqrt","mstyle","msub","msup","msubsup","mtable","mtd","mtext","mtr","munder","munderover","mprescripts"]),ol=K(["maction","maligngroup","malignmark","mlongdiv","mscarries","mscarry","msgroup","mstack","msline","msrow","semantics","annotation","annotation-xml","mprescripts","none"]),Nn=K(["#text"]),Dn=K(["accept","action","align","alt","autocapitalize","autocomplete","autopictureinpicture","autoplay","background","bgcolor","border","capture","cellpadding","cellspacing","checked","cite","class","clear","color","cols","colspan","command","commandfor","controls","controlslist","coords","crossorigin","datetime","decoding","default","dir","disabled","disablepictureinpicture","disableremoteplayback","download","draggable","enctype","enterkeyhint","exportparts","face","for","headers","height","hidden","high","href","hreflang","id","inert","inputmode","integrity","ismap","kind","label","lang","list","loading","loop","low","max","maxlength","media","method","min","minlength","multiple","muted","name","nonce","noshade","novalidate","nowrap","open","optimum","part","pattern","placeholder","playsinline","popover","popovertarget","popovertargetaction","poster","preload","pubdate","radiogroup","readonly","rel","required","rev","reversed","role","rows","rowspan","spellcheck","scope","selected","shape","size","sizes","slot","span","srclang","start","src","srcset","step","style","summary","tabindex","title","translate","type","usemap","valign","value","width","wrap","xmlns"]),qi=K(["accent-height","accumulate","additive","alignment-baseline","amplitude","ascent","attributename","attributetype","azimuth","basefrequency","baseline-shift","begin","bias","by","class","clip","clippathunits","clip-path","clip-rule","color","color-interpolation","color-interpolation-filters","color-profile","color-rendering","cx","cy","d","dx","dy","diffuseconstant","direction","display","divisor","dominant-baseline","dur","edgemode","elevation","end","exponent","fill","fill-opacity","fill-rule","filter","filterunits","flood-color","flood-opacity","font-family","font-size","font-size-adjust","font-stretch","font-style","font-variant","font-weight","fx","fy","g1","g2","glyph-name","glyphref","gradientunits","gradienttransform","height","href","id","image-rendering","in","in2","intercept","k","k1","k2","k3","k4","kerning","keypoints","keysplines","keytimes","lang","lengthadjust","letter-spacing","kernelmatrix","kernelunitlength","lighting-color","local","marker-end","marker-mid","marker-start","markerheight","markerunits","markerwidth","maskcontentunits","maskunits","max","mask","mask-type","media","method","mode","min","name","numoctaves","offset","operator","opacity","order","orient","orientation","origin","overflow","paint-order","path","pathlength","patterncontentunits","patterntransform","patternunits","pointer-events","points","preservealpha","preserveaspectratio","primitiveunits","r","rx","ry","radius","refx","refy","repeatcount","repeatdur","restart","result","rotate","scale","seed","shape-rendering","slope","specularconstant","specularexponent","spreadmethod","startoffset","stddeviation","stitchtiles","stop-color","stop-opacity","stroke-dasharray","stroke-dashoffset","stroke-linecap","stroke-linejoin","stroke-miterlimit","stroke-opacity","stroke","stroke-width","style","surfacescale","systemlanguage","tabindex","tablevalues","targetx","targety","transform","transform-origin","text-anchor","text-decoration","text-orientation","text-rendering","textlength","type","u1","u2","unicode","values","vector-effect","viewbox","visibility","version","vert-adv-y","vert-origin-x","vert-origin-y","width","word-spacing","wrap","writing-mode","xchannelselector","ychannelselector","x","x1","x2","xmlns","y","y1","y2","z","zoomandpan"]),Mn=K(["accent","accentunder","align","bevelled","close","columnalign","columnlines","columnspacing","columnspan","denomalign","depth","dir","display","displaystyle","encoding","fence","frame","height","href","id","largeop","length","linethickness","lquote","lspace","mathbackground","mathcolor","mathsize","mathvariant","maxsize","minsize","movablelimits","notation","numalign","open","rowalign","rowlines","rowspacing","rowspan","rspace","rquote","scriptlevel","scriptminsize","scriptsizemultiplier","selection","separator","separators","stretchy","subscriptshift","supscriptshift","symmetric","voffset","width","xmlns"]),Hs=K(["xlink:href","xml:id","xlink:title","xml:space","xmlns:xlink"]),al=q(/{{[\w\W]*|^[\w\W]*}}/g),ll=q(/<%[\w\W]*|^[\w\W]*%>/g),cl=q(/\${[\w\W]*/g),ul=q(/{{|}}|\${|<%|%>|&lt;%|%&gt;/),pl=q(/^data-[\-\w.\u00B7-\uFFFF]+$/),hl=q(/^aria-[\-\w]+$/),Un=q(/^(?:(?:(?:f|ht)tps?|mailto|tel|callto|sms|cid|xmpp|matrix):|[^a-z]|[a-z+.\-]+(?:[^a-z+.\-:]|$))/i),dl=q(/^(?:\w+script|data):/i),fl=q(/[\u0000-\u0020\u00A0\u1680\u180E\u2000-\u2029\u205F\u3000]/g),gl=q(/^html$/i),ml=q(/^[a-z][.\w]*(-[.\w]+)+$/i),Bi=q(/<[/\w!]/g),zn=q(/<[/\w]/g),bl=q(/<\/no(script|embed|frames)/i),Hn=q(/\/>/i),yl=q(/((--!?|])>)|<\/(style|script|title|xmp|textarea|noscript|iframe|noembed|noframes)/i),$l=q(/^[\r\n\t ]+/),F={element:1,text:3,processingInstruction:7,comment:8,document:9,documentFragment:11},vl=K(O({},["style","script","xmp","iframe","noembed","noframes","plaintext","noscript"])),wl=function(){return typeof window>"u"?null:window},kl=function(t,e){if(typeof t!="object"||typeof t.createPolicy!="function")return null;let s=null,r="data-tt-policy-suffix";e&&e.hasAttribute(r)&&(s=e.getAttribute(r));let n="dompurify"+(s?"#"+s:"");try{return t.createPolicy(n,{createHTML(o){return o},createScriptURL(o){return o}})}catch{return console.warn("TrustedTypes policy "+n+" could not be created."),null}},Fn=function(){return{afterSanitizeAttributes:[],afterSanitizeElements:[],afterSanitizeShadowDOM:[],beforeSanitizeAttributes:[],beforeSanitizeElements:[],beforeSanitizeShadowDOM:[],uponSanitizeAttribute:[],uponSanitizeElement:[],uponSanitizeShadowNode:[]}},Ge=function(t,e,s,r){return ie(t,e)&&St(t[e])?O(r.base?Xt(r.base):{},t[e],r.transform):s},Wi=function(t,e,s){let r=ie(t,e)?t[e]:void 0;return r&&typeof r=="object"?js(r):s};function Yn(){let i=arguments.length>0&&arguments[0]!==void 0?arguments[0]:wl(),t=b=>Yn(b);if(t.version="3.4.18",t.removed=[],!i||!i.document||i.document.nodeType!==F.document||!i.Element)return t.isSupported=!1,t;let e=i.document,s=e,r=s.currentScript,n=i.HTMLTemplateElement,o=i.Node,c=i.Element,l=i.NodeFilter,h=i.DOMParser,p=i.trustedTypes,f=c.prototype,y=ge(f,"cloneNode"),w=ge(f,"remove"),E=ge(f,"removeAttributeNode"),C=ge(f,"nextSibling"),x=ge(f,"childNodes"),I=ge(f,"parentNode"),ue=ge(f,"shadowRoot"),N=ge(f,"attributes"),me=o&&o.prototype?ge(o.prototype,"nodeType"):null,pe=o&&o.prototype?ge(o.prototype,"nodeName"):null,De=o&&o.prototype?ge(o.prototype,"ownerDocument"):null,te=function(a){return me?me(a):a.nodeType},ae=function(a){return pe?pe(a):a.nodeName},Me=il(f,"namespaceURI"),Ue=function(a){return Me?Me(a):a.namespaceURI};if(typeof n=="function"){let b=e.createElement("template");b.content&&b.content.ownerDocument&&(e=b.content.ownerDocument)}let X,ke="",Ae,re=!1,Ke=0,Se=function(){if(Ke>0)throw Pe('A configured TRUSTED_TYPES_POLICY callback (createHTML or createScriptURL) must not call DOMPurify.sanitize, as that causes infinite recursion. Do not pass a policy whose callbacks wrap DOMPurify as TRUSTED_TYPES_POLICY; see the "DOMPurify and Trusted Types" section of the README.')},Ot=function(a){Se(),Ke++;try{return X.createHTML(a)}finally{Ke--}},cr=function(a){return X&&ii?Ot(a):a},So=function(a){Se(),Ke++;try{return X.createScriptURL(a)}finally{Ke--}},Ro=function(){return re||(Ae=kl(p,r),re=!0),Ae},is=e,Zs=is.implementation,Io=is.createNodeIterator,Co=is.createDocumentFragment,Oo=is.getElementsByTagName,Lo=s.importNode,M=Fn();t.isSupported=typeof jn=="function"&&typeof I=="function"&&Zs&&Zs.createHTMLDocument!==void 0;let Po=al,No=ll,Do=cl,Mo=pl,Uo=hl,zo=dl,Ho=fl,Fo=ml,ur=Un,U=null,Xs=O({},[...Pn,...Hi,...Fi,...ji,...Nn]),z=null,Qs=O({},[...Dn,...qi,...Mn,...Hs]),Ee=null,Lt=null,pr=null,ze=Object.seal(Ye(null,{tagCheck:{writable:!0,configurable:!1,enumerable:!0,value:null},attributeCheck:{writable:!0,configurable:!1,enumerable:!0,value:null}})),hr=!0,Js=!0,dr=!1,ei=!0,Re=!1,Ze=!0,Xe=!1,ti=!1,rs=null,ns=null,si=!1,ft=!1,os=!1,ii=!1,fr=!0,gr=!1,mr="user-content-",ri=!0,ni=!1,Qe=null,gt=!1,Je=null,br=O({},["annotation-xml","audio","colgroup","desc","foreignobject","head","iframe","math","mi","mn","mo","ms","mtext","noembed","noframes","noscript","plaintext","script","selectedcontent","style","svg","template","thead","title","video","xmp"]),yr=null,$r=O({},["audio","video","img","source","image","track"]),vr=null,wr=O({},["alt","class","for","id","label","name","pattern","placeholder","role","summary","title","value","style","xmlns"]),as="http://www.w3.org/1998/Math/MathML",ls="http://www.w3.org/2000/svg",Te="http://www.w3.org/1999/xhtml",mt=Te,oi=!1,kr=null,jo=O({},[as,ls,Te],Ui),qo=K(O({},["mi","mo","mn","ms","mtext"])),ai=null,Bo=K(O({},["annotation-xml"])),li=null,Wo=K(Ye(null)),Go=O({},["title","style","font","a","script"]),Pt=null,Yo=["application/xhtml+xml","text/html"],Vo="text/html",H=null,cs=null,Ko=e.createElement("form"),Ar=function(a){return a instanceof RegExp||a instanceof Function},ci=function(){let a=arguments.length>0&&arguments[0]!==void 0?arguments[0]:{};(!a||typeof a!="object")&&(a={}),a=js(a),Pt=Yo.indexOf(a.PARSER_MEDIA_TYPE)===-1?Vo:a.PARSER_MEDIA_TYPE,H=Pt==="application/xhtml+xml"?Ui:lt,U=Ge(a,"ALLOWED_TAGS",Xs,{transform:H}),z=Ge(a,"ALLOWED_ATTR",Qs,{transform:H}),kr=Ge(a,"ALLOWED_NAMESPACES",jo,{transform:Ui}),vr=Ge(a,"ADD_URI_SAFE_ATTR",wr,{transform:H,base:wr}),yr=Ge(a,"ADD_DATA_URI_TAGS",$r,{transform:H,base:$r}),Je=Ge(a,"FORBID_CONTENTS",br,{transform:H}),Lt=Ge(a,"FORBID_TAGS",Ye(null),{transform:H}),pr=Ge(a,"FORBID_ATTR",Ye(null),{transform:H}),gt=ie(a,"USE_PROFILES")?a.USE_PROFILES&&typeof a.USE_PROFILES=="object"?js(a.USE_PROFILES):a.USE_PROFILES:!1,hr=a.ALLOW_ARIA_ATTR!==!1,Js=a.ALLOW_DATA_ATTR!==!1,dr=a.ALLOW_UNKNOWN_PROTOCOLS||!1,ei=a.ALLOW_SELF_CLOSE_IN_ATTR!==!1,Re=a.SAFE_FOR_TEMPLATES||!1,Ze=a.SAFE_FOR_XML!==!1,Xe=a.WHOLE_DOCUMENT||!1,ft=a.RETURN_DOM||!1,os=a.RETURN_DOM_FRAGMENT||!1,ii=a.RETURN_TRUSTED_TYPE||!1,si=a.FORCE_BODY||!1,fr=a.SANITIZE_DOM!==!1,gr=a.SANITIZE_NAMED_PROPS||!1,ri=a.KEEP_CONTENT!==!1,ni=a.IN_PLACE||!1,ur=rl(a.ALLOWED_URI_REGEXP)?a.ALLOWED_URI_REGEXP:Un,mt=typeof a.NAMESPACE=="string"?a.NAMESPACE:Te,ai=Wi(a,"MATHML_TEXT_INTEGRATION_POINTS",qo),li=Wi(a,"HTML_INTEGRATION_POINTS",Bo);let u=Wi(a,"CUSTOM_ELEMENT_HANDLING",Wo);if(Ee=Ye(null),ie(u,"tagNameCheck")&&Ar(u.tagNameCheck)&&(Ee.tagNameCheck=u.tagNameCheck),ie(u,"attributeNameCheck")&&Ar(u.attributeNameCheck)&&(Ee.attributeNameCheck=u.attributeNameCheck),ie(u,"allowCustomizedBuiltInElements")&&typeof u.allowCustomizedBuiltInElements=="boolean"&&(Ee.allowCustomizedBuiltInElements=u.allowCustomizedBuiltInElements),q(Ee),Re&&(Js=!1),os&&(ft=!0),gt&&((ie(a,"ALLOWED_TAGS")||ie(a,"ALLOWED_ATTR"))&&typeof console<"u"&&typeof console.warn=="function"&&console.warn("DOMPurify: USE_PROFILES overrides ALLOWED_TAGS and ALLOWED_ATTR. Do not use these options together."),U=O({},Nn),z=Ye(null),gt.html===!0&&(O(U,Pn),O(z,Dn)),gt.svg===!0&&(O(U,Hi),O(z,qi),O(z,Hs)),gt.svgFilters===!0&&(O(U,Fi),O(z,qi),O(z,Hs)),gt.mathMl===!0&&(O(U,ji),O(z,Mn),O(z,Hs))),ze.tagCheck=null,ze.attributeCheck=null,ie(a,"ADD_TAGS")&&(typeof a.ADD_TAGS=="function"?ze.tagCheck=a.ADD_TAGS:St(a.ADD_TAGS)&&(U===Xs&&(U=Xt(U)),O(U,a.ADD_TAGS,H))),ie(a,"ADD_ATTR")&&(typeof a.ADD_ATTR=="function"?ze.attributeCheck=a.ADD_ATTR:St(a.ADD_ATTR)&&(z===Qs&&(z=Xt(z)),O(z,a.ADD_ATTR,H))),ie(a,"ADD_FORBID_CONTENTS")&&St(a.ADD_FORBID_CONTENTS)&&(Je===br&&(Je=Xt(Je)),O(Je,a.ADD_FORBID_CONTENTS,H)),ri&&(U["#text"]=!0),Xe&&O(U,["html","head","body"]),U.table&&(U.tbody=!0,delete Lt.tbody),a.TRUSTED_TYPES_POLICY){if(typeof a.TRUSTED_TYPES_POLICY.createHTML!="function")throw Pe('TRUSTED_TYPES_POLICY configuration option must provide a "createHTML" hook.');if(typeof a.TRUSTED_TYPES_POLICY.createScriptURL!="function")throw Pe('TRUSTED_TYPES_POLICY configuration option must provide a "createScriptURL" hook.');let d=X;X=a.TRUSTED_TYPES_POLICY;try{ke=Ot("")}catch($){throw X=d,$}}else a.TRUSTED_TYPES_POLICY===null?(X=void 0,ke=""):(X===void 0&&(X=Ro()),X&&typeof ke=="string"&&(ke=Ot("")));cs=K(a)},Er=O({},[...Hi,...Fi,...nl]),Tr=O({},[...ji,...ol]),Zo=function(a,u,d){return u===Te?a==="svg":u===as?a==="svg"&&(d==="annotation-xml"||ai[d]):!!Er[a]},Xo=function(a,u,d){return u===Te?a==="math":u===ls?a==="math"&&li[d]:!!Tr[a]},Qo=function(a,u,d){return u===ls&&!li[d]||u===as&&!ai[d]?!1:!Tr[a]&&(Go[a]||!Er[a])},Jo=function(a){let u=Ue(a),d=lt(ae(a)),$=I(a),A=mt,T="template";return $&&te($)===F.element&&(A=Ue($),T=lt(ae($))),kr[u]?u===ls?Zo(d,A,T):u===as?Xo(d,A,T):u===Te?Qo(d,A,T):Pt==="application/xhtml+xml":!1},He=function(a){Vt(t.removed,{element:a});try{I(a).removeChild(a)}catch{if(w(a),!I(a))throw Pe("a node selected for removal could not be detached from its tree and cannot be safely returned; refusing to sanitize in place")}},xr=function(a,u,d){try{E(a,u)}catch{try{a.removeAttribute(d)}catch{}}},ui=function(a){di(a);let u=x(a);u&&Le(Va(u),d=>{try{w(d)}catch{}}),te(a)===F.element&&pi(a,!1)},bt=function(a,u,d){if(!d)try{d=u.getAttributeNode(a)}catch{d=null}if(Vt(t.removed,{attribute:d||null,from:u}),d)xr(u,d,a);else try{u.removeAttribute(a)}catch{}if(a==="is")if(ft||os)try{He(u)}catch{}else try{u.setAttribute(a,"")}catch{}},pi=function(a,u){let d=N(a);if(d)for(let $=d.length-1;$>=0;--$){let A=d[$],T=A&&A.name;typeof T=="string"&&!(u&&z[H(T)])&&xr(a,A,T)}},hi=function(a,u){let d=arguments.length>2&&arguments[2]!==void 0?arguments[2]:!1,$=[a];for(;$.length>0;){let A=$.pop();if(u(A)===!1)continue;if(d&&te(A)===F.element){let R=ue(A);yt(R)&&$.push(R)}let T=x(A);if(T)for(let R=T.length-1;R>=0;--R)$.push(T[R])}},di=function(a){hi(a,u=>{te(u)===F.element&&pi(u,!0)})},fi=function(a){let u=[];return hi(a,d=>{u.push(d)},!0),u},ea=function(a,u){let d=Di();Le(fi(a),$=>{te($)===F.element&&Mi(d,$)}),Le(u,$=>{te($)===F.element&&!Kt(d,$)&&pi($,!0)})},_r=function(a,u){let d=!1;return Le(t.removed,$=>{$.element&&(d=d||$.element===a,di($.element))}),ea(a,u),d},ta=8,sa=function(a,u){let d=Qe,$=null,A=()=>($||($=Di(),Le(u,T=>{Mi($,T)})),$);for(let T=0;;T++){let R=fi(a),W=[a],Ie=!1;if(Le(R,ye=>{te(ye)===F.documentFragment?Vt(W,ye):!Ie&&!Kt(d,ye)&&(Ie=Kt(A(),ye))}),!Ie)return;if(T>=ta)throw Pe("the tree kept changing during in-place sanitization; refusing to return it");Le(W,(ye,he)=>{ia(ye,he>0,a,A())})}},ia=function(a,u,d,$){let A=us(a),T;for(;T=A.nextNode();)!Kt($,T)||Kt(Qe,T)||(u&&be(M.uponSanitizeShadowNode,T,null),yi(T,d))},ra=function(a){Qe&&Mi(Qe,a)},Sr=function(a,u){return Ze?a==="patchsrc"?!0:a==="for"&&u!=="label"&&u!=="output":!1},na=function(a){Ze&&hi(a,u=>{let d=te(u);if(d===F.processingInstruction||d===F.comment&&V(zn,u.data)){try{w(u)}catch{}return!1}if(d===F.element){let $=u,A=H(ae(u));try{$.hasAttribute&&$.hasAttribute("patchsrc")&&$.removeAttribute("patchsrc"),$.hasAttribute&&$.hasAttribute("for")&&Sr("for",A)&&$.removeAttribute("for")}catch{}}return!0})},Rr=function(a){let u=null,d=null;if(si)a="<remove></remove>"+a;else{let T=Za(a,$l);d=T&&T[0]}Pt==="application/xhtml+xml"&&mt===Te&&(a='<html xmlns="http://www.w3.org/1999/xhtml"><head></head><body>'+a+"</body></html>");let $=X?Ot(a):a;if(mt===Te)try{u=new h().parseFromString($,Pt)}catch{}if(!u||!u.documentElement){u=Zs.createDocument(mt,"template",null);try{u.documentElement.innerHTML=oi?ke:$}catch{}}let A=u.body||u.documentElement;return a&&d&&A.insertBefore(e.createTextNode(d),A.childNodes[0]||null),mt===Te?Oo.call(u,Xe?"html":"body")[0]:Xe?u.documentElement:A},us=function(a){let u=arguments.length>1&&arguments[1]!==void 0?arguments[1]:!1,d=De?De(a):a.ownerDocument;return Io.call(d||a,a,(u?0:l.SHOW_ELEMENT)|l.SHOW_COMMENT|l.SHOW_TEXT|l.SHOW_PROCESSING_INSTRUCTION|l.SHOW_CDATA_SECTION,null)},gi=function(a){return a=zs(a,Po," "),a=zs(a,No," "),a=zs(a,Do," "),a},mi=function(a){var u;bi(a);let d=(u=a.querySelectorAll)===null||u===void 0?void 0:u.call(a,"template");d&&Le(d,$=>{yt($.content)&&mi($.content)})},bi=function(a){a.normalize();let u=us(a,!0),d=u.nextNode();for(;d;)d.data=gi(d.data),d=u.nextNode()},ps=function(a){let u=pe?pe(a):null;return typeof u!="string"||H(u)!=="form"?!1:typeof a.nodeName!="string"||typeof a.textContent!="string"||typeof a.removeChild!="function"||a.attributes!==N(a)||typeof a.removeAttribute!="function"||typeof a.removeAttributeNode!="function"||typeof a.getAttributeNode!="function"||typeof a.setAttribute!="function"||typeof a.namespaceURI!="string"||typeof a.insertBefore!="function"||typeof a.hasChildNodes!="function"||a.nodeType!==me(a)||a.childNodes!==x(a)},Ir=function(a){if(!me||typeof a!="object"||a===null)return null;try{let u=me(a);return typeof u=="number"?u:null}catch{return null}},yt=function(a){return Ir(a)===F.documentFragment},Nt=function(a){return Ir(a)!==null};function be(b,a,u){b.length!==0&&Le(b,d=>{d.call(t,a,u,cs)})}let oa=function(a,u,d){return!!(Ze&&d===F.element&&a.hasChildNodes()&&!Nt(a.firstElementChild)&&V(Bi,a.textContent)&&V(Bi,a.innerHTML)||Ze&&vl[u]&&d===F.element&&Ue(a)===Te&&(Nt(a.firstElementChild)||typeof a.textContent=="string"&&V(Bi,a.textContent))||d===F.processingInstruction||Ze&&d===F.comment&&V(zn,a.data))},hs=function(a,u){if(a instanceof RegExp)return V(a,u);if(a instanceof Function){for(var d=arguments.length,$=new Array(d>2?d-2:0),A=2;A<d;A++)$[A-2]=arguments[A];return!!a(u,...$)}return!1},aa=function(a,u,d){if(!Lt[u]&&Lr(u)&&hs(Ee.tagNameCheck,u))return!1;if(ri&&!Je[u]&&!Je[lt(u)]){let $=I(a),A=x(a);if(A&&$){let T=A.length;for(let R=T-1;R>=0;--R){let W=a===d?y(A[R],!0):A[R];$.insertBefore(W,C(a))}}}return He(a),!0},Cr=function(a,u,d,$){return a.length===0?u:u===d||u===$?Xt(u):u},$t=function(a,u){return a===u||I(a)!==null?!1:(ni&&di(a),!0)},la=function(a,u){if(ra(a),be(M.beforeSanitizeElements,a,null),$t(a,u))return!0;if(ps(a))return He(a),!0;let d=H(ae(a)),$=te(a);if(U=Cr(M.uponSanitizeElement,U,Xs,rs),be(M.uponSanitizeElement,a,{tagName:d,allowedTags:U}),$t(a,u))return!0;if(oa(a,d,$))return He(a),!0;if(Lt[d]||!(ze.tagCheck instanceof Function&&ze.tagCheck(d))&&!U[d]){let A=aa(a,d,u);return A===!1&&(be(M.afterSanitizeElements,a,null),$t(a,u))?!0:A}if($===F.element&&!Jo(a)||(d==="noscript"||d==="noembed"||d==="noframes")&&V(bl,a.innerHTML))return He(a),!0;if(Re&&$===F.text){let A=a.textContent,T=gi(A);A!==T&&(Vt(t.removed,{element:a.cloneNode()}),a.textContent=T)}return be(M.afterSanitizeElements,a,null),$t(a,u)},Or=function(a,u,d){if(pr[u]||Sr(u,a)||fr&&(u==="id"||u==="name")&&(d in e||d in Ko))return!1;let $=z[u]||ze.attributeCheck instanceof Function&&ze.attributeCheck(u,a);if(Js&&V(Mo,u)||hr&&V(Uo,u))return!0;if(!$)return Lr(a)&&hs(Ee.tagNameCheck,a)&&hs(Ee.attributeNameCheck,u,a)||u==="is"&&Ee.allowCustomizedBuiltInElements&&hs(Ee.tagNameCheck,d);if(vr[u])return!0;let A=zs(d,Ho,"");return V(ur,A)||(u==="src"||u==="xlink:href"||u==="href")&&a!=="script"&&zi(d,"data:")===0&&yr[a]||dr&&!V(zo,A)?!0:!d},ca=O({},["annotation-xml","color-profile","font-face","font-face-format","font-face-name","font-face-src","font-face-uri","missing-glyph"]),Lr=function(a){return!ca[lt(a)]&&V(Fo,a)},ua=function(a,u,d,$){if(X&&typeof p=="object"&&typeof p.getAttributeType=="function"&&!d)switch(p.getAttributeType(a,u)){case"TrustedHTML":return Ot($);case"TrustedScriptURL":return So($)}return $},pa=function(a,u,d,$){try{return d?a.setAttributeNS(d,u,$):a.setAttribute(u,$),ps(a)?(He(a),!1):!0}catch{return bt(u,a),!1}},Pr=function(a,u){return Ze&&V(yl,u)?!0:lt(a)==="attributename"&&zi(u,"href")!==-1},ha=function(a,u){if(be(M.beforeSanitizeAttributes,a,null),$t(a,u))return;let d=a.attributes;if(!d||ps(a))return;z=Cr(M.uponSanitizeAttribute,z,Qs,ns);let $={attrName:"",attrValue:"",keepAttr:!0,allowedAttributes:z,forceKeepAttr:void 0},A=d.length,T=H(ae(a));for(;A--;){let R=d[A],W=R.name,Ie=R.namespaceURI,ye=R.value,he=H(W),xe=ye,Q=W==="value"?xe:Xa(xe),Nr=!1;if($.attrName=he,$.attrValue=Q,$.keepAttr=!0,$.forceKeepAttr=void 0,be(M.uponSanitizeAttribute,a,$),Q=$.attrValue,gr&&(he==="id"||he==="name")&&zi(Q,mr)!==0&&(bt(W,a,R),Q=mr+Q,Nr=!0),Pr(W,Q)){bt(W,a,R);continue}if(!$.forceKeepAttr){if(!$.keepAttr){bt(W,a,R);continue}if(!ei&&V(Hn,Q)){bt(W,a,R);continue}if(Re&&(Q=gi(Q)),!Or(T,he,Q)){bt(W,a,R);continue}Q=ua(T,he,Ie,Q),Q!==xe&&pa(a,W,Ie,Q)&&Nr&&Cn(t.removed)}}be(M.afterSanitizeAttributes,a,null),$t(a,u)},yi=function(a,u){la(a,u),ha(a,u),yt(a.content)&&$i(a.content)},$i=function(a){let u=null,d=us(a);for(be(M.beforeSanitizeShadowDOM,a,null);u=d.nextNode();)if(be(M.uponSanitizeShadowNode,u,null),yi(u,a),te(u)===F.element){let $=ue(u);yt($)&&(vi($),$i($))}Re&&bi(a),be(M.afterSanitizeShadowDOM,a,null)},vi=function(a){let u=[{node:a,shadow:null}];for(;u.length>0;){let d=u.pop();if(d.shadow){$i(d.shadow);continue}let $=d.node,A=te($)===F.element,T=x($);if(T)for(let R=T.length-1;R>=0;--R)u.push({node:T[R],shadow:null});if(A){let R=pe?pe($):null;if(typeof R=="string"&&H(R)==="template"){let W=$.content;yt(W)&&u.push({node:W,shadow:null})}}if(A){let R=ue($);yt(R)&&u.push({node:null,shadow:R},{node:R,shadow:null})}}};return t.sanitize=function(b){let a=arguments.length>1&&arguments[1]!==void 0?arguments[1]:{},u=null,d=null,$=null,A=null;if(oi=!b,oi&&(b="<!-->"),typeof b!="string"&&!Nt(b)&&(b=sl(b),typeof b!="string"))throw Pe("dirty is not a string, aborting");if(!t.isSupported)return b;ti?(U=rs,z=ns):ci(a),t.removed=[];let T=ni&&typeof b!="string"&&Nt(b),R=[],W=Qe;if(T){na(b);let xe=ae(b);if(typeof xe=="string"){let Q=H(xe);if(!U[Q]||Lt[Q])throw ui(b),Pe("root node is forbidden and cannot be sanitized in-place")}if(ps(b))throw ui(b),Pe("root node is clobbered and cannot be sanitized in-place");R=fi(b),Qe=Di()}else if(Nt(b))u=Rr("<!---->"),d=u.ownerDocument.importNode(b,!0),d.nodeType===F.element&&d.nodeName==="BODY"||d.nodeName==="HTML"?u=d:u.appendChild(d),vi(u);else{if(!ft&&!Re&&!Xe&&b.indexOf("<")===-1)return cr(b);if(u=Rr(b),!u)return ft?null:ii?ke:""}u&&si&&He(u.firstChild);let Ie=T?b:u;try{T&&vi(b);let xe=us(Ie);for(;$=xe.nextNode();)yi($,Ie);T&&sa(b,R)}catch(xe){throw T&&(ui(b),_r(b,R)),xe}finally{Qe=W}if(T){if(_r(b,R))throw Pe("a node selected for removal could not be safely returned; refusing to sanitize in place");return Re&&mi(b),b}if(ft){if(Re&&mi(u),os)for(A=Co.call(u.ownerDocument);u.firstChild;)A.appendChild(u.firstChild);else A=u;return(z.shadowroot||z.shadowrootmode)&&(A=Lo.call(s,A,!0)),A}let ye=()=>Xe?u.outerHTML:u.innerHTML,he=ye();return Re&&V(ul,he)&&(bi(u),he=ye()),Xe&&U["!doctype"]&&u.ownerDocument&&u.ownerDocument.doctype&&u.ownerDocument.doctype.name&&V(gl,u.ownerDocument.doctype.name)&&(he="<!DOCTYPE "+u.ownerDocument.doctype.name+`>
`+he),cr(he)},t.setConfig=function(){let b=arguments.length>0&&arguments[0]!==void 0?arguments[0]:{};ci(b),ti=!0,rs=U,ns=z},t.clearConfig=function(){cs=null,ti=!1,rs=null,ns=null,X=Ae,ke=""},t.isValidAttribute=function(b,a,u){cs||ci({});let d=H(b),$=H(a);return typeof u=="string"&&(Pr(a,u)||!ei&&V(Hn,u))?!1:Or(d,$,u)},t.addHook=function(b,a){typeof a=="function"&&ie(M,b)&&Vt(M[b],a)},t.removeHook=function(b,a){if(ie(M,b)){if(a!==void 0){let u=Ya(M[b],a);return u===-1?void 0:Ka(M[b],u,1)[0]}return Cn(M[b])}},t.removeHooks=function(b){ie(M,b)&&(M[b]=[])},t.removeAllHooks=function(){M=Fn()},t}var Vn=Yn();function Zi(){return{async:!1,breaks:!1,extensions:null,gfm:!0,hooks:null,pedantic:!1,renderer:null,silent:!1,tokenizer:null,walkTokens:null}}var dt=Zi();function no(i){dt=i}var ut={exec:()=>null};function ct(i){let t=[];return e=>{let s=Math.max(0,Math.min(3,e-1)),r=t[s];return r||(r=i(s),t[s]=r),r}}function S(i,t=""){let e=typeof i=="string"?i:i.source,s={replace:(r,n)=>{let o=typeof n=="string"?n:n.source;return o=o.replace(Y.caret,"$1"),e=e.replace(r,o),s},getRegex:()=>new RegExp(e,t)};return s}var oo=((i="")=>{try{return!!new RegExp("(?<=1)(?<!1)"+i)}catch{return!1}})(),Y={codeRemoveIndent:/^(?: {0,3}\t| {1,4})/gm,listInterruptsParagraph:/^ {0,3}(?:[*+-]|1[.)])[ \t]+[^ \t\n]/,outputLinkReplace:/\\([\[\]])/g,indentCodeCompensation:/^(\s+)(?:```)/,beginningSpace:/^\s+/,endingHash:/#$/,startingSpaceChar:/^ /,endingSpaceChar:/ $/,endingSpaceTabChar:/[ \t]$/,nonSpaceChar:/[^ ]/,newLineCharGlobal:/\n/g,tabCharGlobal:/\t/g,leadingSpaceTab:/^[ \t]+/,multipleSpaceGlobal:/\s+/g,blankLine:/^[ \t]*$/,doubleBlankLine:/\n[ \t]*\n[ \t]*$/,blockquoteStart:/^ {0,3}>/,blockquoteSetextReplace:/\n {0,3}((?:=+|-+)[ \t]*)(?=\n|$)/g,blockquoteSetextReplace2:/^ {0,3}>[ \t]?/gm,blockquoteMarkerWhitespace:/^( {0,3}>)(\t[ \t]*)/gm,nestedBlockMarker:/^ {0,3}(?:(?:[*+-]|\d{1,9}[.)])(?: |$)|> ?)/,listReplaceNesting:/^ {1,4}(?=( {4})*[^ ])/g,listIsTask:/^\[[ xX]\][ \t]+\S/,listReplaceTask:/^\[[ xX]\][ \t]+/,listTaskCheckbox:/\[[ xX]\]/,anyLine:/\n.*\n/,hrefBrackets:/^<(.*)>$/,tableDelimiter:/[:|]/,tableAlignChars:/^\||\| *$/g,tableRowBlankLine:/\n[ \t]*$/,tableAlignRight:/^ *-+: *$/,tableAlignCenter:/^ *:-+: *$/,tableAlignLeft:/^ *:-+ *$/,startATag:/^<a /i,endATag:/^<\/a>/i,startPreScriptTag:/^<(pre|code|kbd|script)(\s|>)/i,endPreScriptTag:/^<\/(pre|code|kbd|script)(\s|>)/i,startAngleBracket:/^</,endAngleBracket:/>$/,pedanticHrefTitle:/^([^'"]*[^\s])\s+(['"])(.*)\2/,unicodeAlphaNumeric:/[\p{L}\p{N}]/u,numericCharacterReference:/&#(?:(\d{1,7})|[Xx]([A-Fa-f0-9]{1,6}));/,numericCharacterReferenceOrAmpersand:/&#(?:(\d{1,7})|[Xx]([A-Fa-f0-9]{1,6}));|&(?!(#\d{1,7}|#[Xx][a-fA-F0-9]{1,6}|\w+);)/g,escapeTest:/[&<>"']/,escapeReplace:/[&<>"']/g,escapeTestNoEncode:/[<>"']|&(?!(#\d{1,7}|#[Xx][a-fA-F0-9]{1,6}|\w+);)/,escapeReplaceNoEncode:/[<>"']|&(?!(#\d{1,7}|#[Xx][a-fA-F0-9]{1,6}|\w+);)/g,caret:/(^|[^\[])\^/g,percentDecode:/%25/g,findPipe:/\|/g,splitPipe:/ \|/,slashPipe:/\\\|/g,carriageReturn:/\r\n|\r/g,spaceLine:/^ +$/gm,notSpaceStart:/^\S*/,endingNewline:/\n$/,listItemRegex:i=>new RegExp(`^( {0,3}${i})((?:[	 ][^\\n]*)?(?:\\n|$))`),nextBulletRegex:ct(i=>new RegExp(`^ {0,${i}}(?:[*+-]|\\d{1,9}[.)])((?:[ 	][^\\n]*)?(?:\\n|$))`)),hrRegex:ct(i=>new RegExp(`^ {0,${i}}((?:-[ 	]*){3,}|(?:_[ 	]*){3,}|(?:\\*[ 	]*){3,})(?:\\n+|$)`)),fencesBeginRegex:ct(i=>new RegExp(`^ {0,${i}}(?:\`\`\`|~~~)`)),headingBeginRegex:ct(i=>new RegExp(`^ {0,${i}}#{1,6}(?:\\s|$)`)),pedanticHeadingBeginRegex:ct(i=>new RegExp(`^ {0,${i}}#`)),htmlBeginRegex:ct(i=>new RegExp(`^ {0,${i}}(?:</?(?:${Qi})(?:[ \\t]+|$|/?>)|<(?:(?:script|pre|style|textarea)(?:[\\s>]|$)|!--)|<\\?|<![A-Za-z]|<!\\[CDATA\\[)`,"i")),blockquoteBeginRegex:ct(i=>new RegExp(`^ {0,${i}}>`)),nestedContainerMarkers:/^(?: {0,3}(?:(?:[*+-]|\d{1,9}[.)])[ \t]+|>[ \t]?))+/},Al=/^(?:[ \t]*(?:\n|$))+/,El=/^((?: {4}| {0,3}\t)[^\n]+(?:\n(?:[ \t]*(?:\n|$))*)?)+/,Tl=/^ {0,3}(`{3,}(?=[^`\n]*(?:\n|$))|~{3,})([^\n]*)(?:\n|$)(?:|([\s\S]*?)(?:\n|$))(?: {0,3}(?:(?=`)\1`*|(?=~)\1~*) *(?=\n|$)|$)/,es=/^ {0,3}((?:-[\t ]*){3,}|(?:_[ \t]*){3,}|(?:\*[ \t]*){3,})(?:\n+|$)/,xl=/^ {0,3}(#{1,6})(?=\s|$)(.*)(?:\n+|$)/,Xi=/ {0,3}(?:[*+-]|\d{1,9}[.)])/,Qi="address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|meta|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul",ts=S(" {0,3}(?:</?(?:tag)(?:[ \\t]+|\\n|/?>)|<(?:(?:script|pre|style|textarea)(?:[\\s>]|$)|!--)|<\\?|<![A-Za-z]|<!\\[CDATA\\[)").replace("tag",Qi).getRegex(),ao=/^(?!bull |blockCode|fences|blockquote|heading|html|table)((?:.|\n(?!\s*?\n|bull |fences|blockquote|heading|hr|html|table))+?)\n {0,3}(=+|-+)[ \t]*(?:\n+|$)/,lo=S(ao).replace(/bull/g,Xi).replace(/blockCode/g,/(?: {4}| {0,3}\t)/).replace(/fences/g,/ {0,3}(?:`{3,}|~{3,})/).replace(/blockquote/g,/ {0,3}>/).replace(/heading/g,/ {0,3}#{1,6}(?:\s|$)/).replace(/hr/g,/ {0,3}(?:(?:-[\t ]*){3,}|(?:_[ \t]*){3,}|(?:\*[ \t]*){3,})(?:\n+|$)/).replace(/\|table/g,"").replace(/html/g,ts).getRegex(),_l=S(ao).replace(/bull/g,Xi).replace(/blockCode/g,/(?: {4}| {0,3}\t)/).replace(/fences/g,/ {0,3}(?:`{3,}|~{3,})/).replace(/blockquote/g,/ {0,3}>/).replace(/heading/g,/ {0,3}#{1,6}(?:\s|$)/).replace(/hr/g,/ {0,3}(?:(?:-[\t ]*){3,}|(?:_[ \t]*){3,}|(?:\*[ \t]*){3,})(?:\n+|$)/).replace(/table/g,/ {0,3}\|?(?:[:\- ]*\|)+[\:\- ]*\n/).replace(/html/g,ts).getRegex(),Ji=/^([^\n]+(?:\n(?!hr|heading|lheading|blockquote|fences|list|html|table|[ \t]+\n)[^\n]+)*)/,Sl=/^[^\n]+/,er=/(?!\s*\])(?:\\[\s\S]|[^\[\]\\\n]|\n(?![ \t]*\n))+/,Rl=S(/^ {0,3}\[(label)\]: *(?:\n[ \t]*)?([^<\s][^\s]*|<(?:\\.|[^\n<>\\])*>)(?:(?: +(?:\n[ \t]*)?| *\n[ \t]*)(title))? *(?:\n+|$)/).replace("label",er).replace("title",/(?:"(?:\\[\s\S]|[^"\\])*"|'(?:\\[\s\S]|[^'\\\n]|\n(?!\n))*'|\((?:\\[\s\S]|[^()\\])*\))/).getRegex(),Il=S(/^(bull)([ \t][^\n]*?)?(?:\n|$)/).replace(/bull/g,Xi).getRegex(),tr=/<!--(?:-?>|[\s\S]*?(?:-->|$))/,Cl=S("^ {0,3}(?:<(script|pre|style|textarea)[\\s>][\\s\\S]*?(?:</\\1>[^\\n]*\\n*|$)|comment[^\\n]*(\\n+|$)|<\\?[\\s\\S]*?(?:\\?>[^\\n]*\\n*|$)|<![A-Z][\\s\\S]*?(?:>[^\\n]*\\n*|$)|<!\\[CDATA\\[[\\s\\S]*?(?:\\]\\]>[^\\n]*\\n*|$)|</?(tag)(?:[ \\t]+|\\n|/?>|$)[\\s\\S]*?(?:(?:\\n[ 	]*)+\\n|$)|<(?!(?:script|pre|style|textarea)(?![a-z0-9-]))([a-z][a-z0-9-]*)(?:attribute)*?[ \\t]*/?>(?=[ \\t]*(?:\\n|$))[\\s\\S]*?(?:(?:\\n[ 	]*)+\\n|$)|</[a-z][a-z0-9-]*\\s*>(?=[ \\t]*(?:\\n|$))[\\s\\S]*?(?:(?:\\n[ 	]*)+\\n|$))","i").replace("comment",tr).replace("tag",Qi).replace("attribute",/[ \t]+[a-zA-Z:_][\w.:-]*(?:[ \t]*=[ \t]*"[^"\n]*"|[ \t]*=[ \t]*'[^'\n]*'|[ \t]*=[ \t]*[^\s"'=<>`]+)?/).getRegex(),co=i=>S(Ji).replace("hr",es).replace("heading"," {0,3}#{1,6}(?:\\s|$)").replace("|lheading","").replace("|table","").replace("blockquote"," {0,3}>").replace("fences"," {0,3}(?:`{3,}(?=[^`\\n]*(?:\\n|$))|~~~)[^\\n]*(?:\\n|$)").replace("list",i).replace("html",ts).getRegex(),Ol=co(/ {0,3}(?:[*+-]|1[.)])[ \t]+[^ \t\n]/),Ll=co(/ {0,3}(?:[*+-]|\d{1,9}[.)])(?:[ \t]|\n|$)/),Pl=S(/^( {0,3}> ?(?:(?![ \t]*(?:\n|$))(paragraph)|[^\n]*)(?:\n|$))+/).replace("paragraph",Ll).getRegex(),sr={blockquote:Pl,code:El,def:Rl,fences:Tl,heading:xl,hr:es,html:Cl,lheading:lo,list:Il,newline:Al,paragraph:Ol,table:ut,text:Sl},Kn=S("^ *([^\\n ].*)\\n {0,3}((?:\\| *)?:?-+:? *(?:\\| *:?-+:? *)*(?:\\| *)?)(?:\\n((?:(?! *\\n|hr|heading|blockquote|code|fences|list|html).*(?:\\n|$))*)\\n*|$)").replace("hr",es).replace("heading"," {0,3}#{1,6}(?:\\s|$)").replace("blockquote"," {0,3}>").replace("code","(?: {4}| {0,3}	)[^\\n]").replace("fences"," {0,3}(?:`{3,}(?=[^`\\n]*(?:\\n|$))|~~~)[^\\n]*(?:\\n|$)").replace("list"," {0,3}(?:[*+-]|1[.)])[ \\t]").replace("html",ts).getRegex(),Nl={...sr,lheading:_l,table:Kn,paragraph:S(Ji).replace("hr",es).replace("heading"," {0,3}#{1,6}(?:\\s|$)").replace("|lheading","").replace("table",Kn).replace("blockquote"," {0,3}>").replace("fences"," {0,3}(?:`{3,}(?=[^`\\n]*(?:\\n|$))|~~~)[^\\n]*(?:\\n|$)").replace("list"," {0,3}(?:[*+-]|1[.)])[ \\t]+[^ \\t\\n]").replace("html",ts).getRegex()},Dl={...sr,html:S(`^ *(?:comment(?: *\\n|\\s*$)|<(tag)[\\s\\S]+?</\\1>(?: *\\n{2,}|\\s*$)|<tag(?:"[^"]*"|'[^']*'|\\s[^'"/>\\s]*)*?/?>(?: *\\n{2,}|\\s*$))`).replace("comment",tr).replace(/tag/g,"(?!(?:a|em|strong|small|s|cite|q|dfn|abbr|data|time|code|var|samp|kbd|sub|sup|i|b|u|mark|ruby|rt|rp|bdi|bdo|span|br|wbr|ins|del|img)\\b)\\w+(?!:|[^\\w\\s@]*@)\\b").getRegex(),def:/^ *\[([^\]]+)\]: *<?([^\s>]+)>?(?: +(["(][^\n]+[")]))? *(?:\n+|$)/,heading:/^(#{1,6})(.*)(?:\n+|$)/,fences:ut,lheading:/^(.+?)\n {0,3}(=+|-+) *(?:\n+|$)/,paragraph:S(Ji).replace("hr",es).replace("heading",` *#{1,6} *[^
]`).replace("|table","").replace("blockquote"," {0,3}>").replace("|fences","").replace("|list","").replace("|html","").replace("|tag","").replace("lheading",lo).getRegex()},Ml=/^\\([!"#$%&'()*+,\-./:;<=>?@\[\]\\^_`{|}~])/,Ul=/^(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/,uo=/^( {2,}|\\)\n(?!\s*$)[ \t]*/,zl=/^(`+|[^`])(?:(?= {2,}\n)|[\s\S]*?(?:(?=[\\<!\[`*_]|\b_|$)|[^ ](?= {2,}\n)))/,_e=/[\p{P}\p{S}]/u,It=/[\s\p{P}\p{S}]/u,ss=/[^\s\p{P}\p{S}]/u,Hl=S(/^((?![*_])punctSpace)/,"u").replace(/punctSpace/g,It).getRegex(),Fl=/[\p{Pi}\p{Ps}"']/u,po=/(?!~)[\p{P}\p{S}]/u,jl=/(?!~)[\s\p{P}\p{S}]/u,ql=/(?:[^\s\p{P}\p{S}]|~)/u,Bl=S(/link|precode-code|html/,"g").replace("link",/\[(?:[^\[\]`]|(?<a>`+)[^`]+\k<a>(?!`))*?\]\((?:\\[\s\S]|[^\\\(\)]|\((?:\\[\s\S]|[^\\\(\)])*\))*\)/).replace("precode-",oo?"(?<!`)()":"(^^|[^`])").replace("code",/(?<b>`+)[^`]+\k<b>(?!`)/).replace("html",/<(?! )[^<>]*?>/).getRegex(),ho=/^(?:\*+(?:((?!\*)punct)|([^\s*]))?)|^_+(?:((?!_)punct)|([^\s_]))?/,Wl=S(ho,"u").replace(/punct/g,_e).getRegex(),Gl=S(ho,"u").replace(/punct/g,po).getRegex(),Yl=/^(?:\*+(?:((?!\*)(?!openQuote)punct)|([^\s*]))?)|^_+(?:((?!_)(?!openQuote)punct)|([^\s_]))?/,Vl=S(Yl,"u").replace(/openQuote/g,Fl).replace(/punct/g,_e).getRegex(),fo="^[^_*]*?__[^_*]*?\\*[^_*]*?(?=__)|[^*]+(?=[^*])|(?!\\*)punct(\\*+)(?=[\\s]|$)|notPunctSpace(\\*+)(?!\\*)(?=punctSpace|$)|(?!\\*)punctSpace(\\*+)(?=notPunctSpace)|[\\s](\\*+)(?!\\*)(?=punct)|(?!\\*)punct(\\*+)(?!\\*)(?=punct)|notPunctSpace(\\*+)(?=notPunctSpace)",Kl=S(fo,"gu").replace(/notPunctSpace/g,ss).replace(/punctSpace/g,It).replace(/punct/g,_e).getRegex(),Zl=S(fo,"gu").replace(/notPunctSpace/g,ql).replace(/punctSpace/g,jl).replace(/punct/g,po).getRegex(),Xl="^[^_*]*?__[^_*]*?\\*[^_*]*?(?=__)|[^*]+(?=[^*])|(?!\\*)punct(\\*+)(?=[\\s]|$)|notPunctSpace(\\*+)(?!\\*)(?=punctSpace|$)|(?!\\*)[\\s](\\*+)(?=notPunctSpace)|[\\s](\\*+)(?!\\*)(?=punct)|(?!\\*)punct(\\*+)(?!\\*)(?=punct)|(?:(?!\\*)punct|notPunctSpace)(\\*+)(?!\\*)(?=notPunctSpace)",Ql=S(Xl,"gu").replace(/notPunctSpace/g,ss).replace(/punctSpace/g,It).replace(/punct/g,_e).getRegex(),Jl=S("^[^_*]*?\\*\\*[^_*]*?_[^_*]*?(?=\\*\\*)|[^_]+(?=[^_])|(?!_)punct(_+)(?=[\\s]|$)|notPunctSpace(_+)(?!_)(?=punctSpace|$)|(?!_)punctSpace(_+)(?=notPunctSpace)|[\\s](_+)(?!_)(?=punct)|(?!_)punct(_+)(?!_)(?=punct)","gu").replace(/notPunctSpace/g,ss).replace(/punctSpace/g,It).replace(/punct/g,_e).getRegex(),ec="^[^_*]*?\\*\\*[^_*]*?_[^_*]*?(?=\\*\\*)|[^_]+(?=[^_])|(?!_)punct(_+)(?=[\\s]|$)|notPunctSpace(_+)(?!_)(?=punctSpace|$)|(?!_)[\\s](_+)(?=notPunctSpace)|[\\s](_+)(?!_)(?=punct)|(?!_)punct(_+)(?!_)(?=punct)|(?:(?!_)punct|notPunctSpace)(_+)(?!_)(?=notPunctSpace)",tc=S(ec,"gu").replace(/notPunctSpace/g,ss).replace(/punctSpace/g,It).replace(/punct/g,_e).getRegex(),sc=S(/^~~?(?:((?!~)punct)|[^\s~])/,"u").replace(/punct/g,_e).getRegex(),ic="^[^~]+(?=[^~])|(?!~)punct(~~?)(?=[\\s]|$)|notPunctSpace(~~?)(?!~)(?=punctSpace|$)|(?!~)punctSpace(~~?)(?=notPunctSpace)|[\\s](~~?)(?!~)(?=punct)|(?!~)punct(~~?)(?!~)(?=punct)|notPunctSpace(~~?)(?=notPunctSpace)",rc=S(ic,"gu").replace(/notPunctSpace/g,ss).replace(/punctSpace/g,It).replace(/punct/g,_e).getRegex(),nc=S(/\\(punct)/,"gu").replace(/punct/g,_e).getRegex(),oc=S(/(`+)(?:[^`]|[^`][\s\S]*?[^`])\1(?!`)|`+|\\(punct)/,"gu").replace(/punct/g,_e).getRegex(),ac=S(/^<(scheme:[^\s\x00-\x1f<>]*|email)>/).replace("scheme",/[a-zA-Z][a-zA-Z0-9+.-]{1,31}/).replace("email",/[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+(@)[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+(?![-_])/).getRegex(),lc=S(tr).replace("(?:-->|$)","-->").getRegex(),cc=S("^comment|^</[a-zA-Z][a-zA-Z0-9-]*\\s*>|^<[a-zA-Z][a-zA-Z0-9-]*(?:attribute)*?\\s*/?>|^<\\?[\\s\\S]*?\\?>|^<![a-zA-Z]+\\s[\\s\\S]*?>|^<!\\[CDATA\\[[\\s\\S]*?\\]\\]>").replace("comment",lc).replace("attribute",/\s+[a-zA-Z:_][\w.:-]*(?:\s*=\s*"[^"]*"|\s*=\s*'[^']*'|\s*=\s*[^\s"'=<>`]+)?/).getRegex(),go=/\[(?:\\[\s\S]|[^\[\]\\])*\]/,Ws=S(/(?:\[(?:brackets|\\[\s\S]|[^\[\]\\])*\]|\\[\s\S]|`+(?!`)[^`]*?`+(?!`)|``+(?=\])|[^\[\]\\`])*?/).replace("brackets",go).getRegex(),uc=S(/^!?\[(label)\]\([ \t\n]*(href)(?:(?:[ \t]+(?:\n[ \t]*)?|\n[ \t]*)(title))?[ \t\n]*\)/).replace("label",Ws).replace("href",/<(?:\\.|[^\n<>\\])*>|(?!<)[^ \t\n\x00-\x1f]+|(?=\))/).replace("title",/"(?:\\[\s\S]|[^"\\])*"|'(?:\\[\s\S]|[^'\\])*'|\((?:\\[\s\S]|[^)\\])*\)/).getRegex(),pc=S(/^!?\[(label)\]\[(ref)\]/).replace("label",Ws).replace("ref",er).getRegex(),hc=S(/^!?\[(ref)\](?:\[\])?/).replace("ref",er).getRegex(),Zn=/(?!\s*\])(?:\\[\s\S]|[^\[\]\\]){1,999}/,dc=S(/(?:[^\[\]\\`]*(?:\[(?:brackets|\\[\s\S]|[^\[\]\\])*\]|\\[\s\S]|`+(?!`)[^`]*?`+(?!`)|``+(?=\]))){0,999}?[^\[\]\\`]*?/).replace("brackets",go).getRegex(),fc=S("reflink|nolink(?!\\()","g").replace("reflink",S(/^!?\[(label)\]\[(ref)\]/).replace("label",dc).replace("ref",Zn).getRegex()).replace("nolink",S(/^!?\[(ref)\](?:\[\])?/).replace("ref",Zn).getRegex()).getRegex(),Xn=/[hH][tT][tT][pP][sS]?|[fF][tT][pP]/,gc=/[A-Za-z0-9._+-]+@[a-zA-Z0-9-_]+(?:\.[a-zA-Z0-9-_]*[a-zA-Z0-9])+(?![\w-])/,mc=S(/(?:mailto:email|xmpp:email(?:\/[A-Za-z0-9@.]+)?)/).replace(/email/g,gc).getRegex(),ir={_backpedal:ut,anyPunctuation:nc,anyPunctuationOutsideCode:oc,autolink:ac,blockSkip:Bl,br:uo,code:Ul,del:ut,delLDelim:ut,delRDelim:ut,emStrongLDelim:Wl,emStrongRDelimAst:Kl,emStrongRDelimUnd:Jl,escape:Ml,link:uc,nolink:hc,punctuation:Hl,reflink:pc,reflinkSearch:fc,tag:cc,text:zl,url:ut},bc={...ir,emStrongLDelim:Vl,emStrongRDelimAst:Ql,emStrongRDelimUnd:tc,link:S(/^!?\[(label)\]\((.*?)\)/).replace("label",Ws).getRegex(),reflink:S(/^!?\[(label)\]\s*\[([^\]]*)\]/).replace("label",Ws).getRegex()},Yi={...ir,emStrongRDelimAst:Zl,emStrongLDelim:Gl,delLDelim:sc,delRDelim:rc,url:S(/^emailProtocol|^((?:protocol):\/\/|www\.)(?:[a-zA-Z0-9\-]+\.?)+[^\s<]*|^email/).replace("emailProtocol",mc).replace("protocol",Xn).replace("email",/[A-Za-z0-9._+-]+(@)[a-zA-Z0-9-_]+(?:\.[a-zA-Z0-9-_]*[a-zA-Z0-9])+(?![\w-])/).getRegex(),_backpedal:/(?:[^?!.,:;*_'"~()&]+|\([^)]*\)|&(?![a-zA-Z0-9]+;$)|[?!.,:;*_'"~)]+(?!$))+/,del:/^(~~?)(?=[^\s~])((?:\\[\s\S]|[^\\])*?(?:\\[\s\S]|[^\s~\\]))\1(?=[^~]|$)/,text:S(/^(?:[^a-zA-Z0-9](?=emailProtocol)|(`+|~+|[^`~])(?:(?=[`~])|(?= {2,}\n)|(?=[a-zA-Z0-9.!#$%&'*+\/=?_`{\|}~-]+@)|[\s\S]*?(?:(?=[\\<!\[`*~_]|\b_|protocol:\/\/|wwwStart|$)|[^ ](?= {2,}\n)|[^a-zA-Z0-9](?=emailProtocol)|[^a-zA-Z0-9.!#$%&'*+\/=?_`{\|}~-](?=[a-zA-Z0-9.!#$%&'*+\/=?_`{\|}~-]+@))))/).replace("protocol",Xn).replace(/emailProtocol/g,/(?:mailto|xmpp):/).replace("wwwStart",oo?"(?<![^\\s*_~(])www\\.":"www\\.").getRegex()},yc={...Yi,br:S(uo).replace("{2,}","*").getRegex(),text:S(Yi.text).replace("\\b_","\\b_| {2,}\\n").replace(/\{2,\}/g,"*").getRegex()},qs={normal:sr,gfm:Nl,pedantic:Dl},Qt={normal:ir,gfm:Yi,breaks:yc,pedantic:bc},$c={"&":"&amp;","<":"&lt;",">":"&gt;",'"':"&quot;","'":"&#39;"},Qn=i=>$c[i];function fe(i,t){if(t){if(Y.escapeTest.test(i))return i.replace(Y.escapeReplace,Qn)}else if(Y.escapeTestNoEncode.test(i))return i.replace(Y.escapeReplaceNoEncode,Qn);return i}function vc(i){return Y.numericCharacterReference.test(i)?i.replace(Y.numericCharacterReferenceOrAmpersand,(t,e,s)=>{if(e===void 0&&s===void 0)return"&amp;";let r=e===void 0?Number.parseInt(s,16):Number.parseInt(e,10);return r===0||r>1114111||r>=55296&&r<=57343?"�":r===38?"&amp;":String.fromCodePoint(r)}):i}function Jn(i){try{i=encodeURI(i).replace(Y.percentDecode,"%")}catch{return null}return i}function eo(i,t){let e=i.replace(Y.findPipe,(n,o,c)=>{let l=!1,h=o;for(;--h>=0&&c[h]==="\\";)l=!l;return l?"|":" |"}),s=e.split(Y.splitPipe),r=0;if(s[0].trim()||s.shift(),s.length>0&&!s.at(-1)?.trim()&&s.pop(),t)if(s.length>t)s.splice(t);else for(;s.length<t;)s.push("");for(;r<s.length;r++)s[r]=s[r].trim().replace(Y.slashPipe,"|");return s}function Ne(i,t,e){let s=i.length;if(s===0)return"";let r=0;for(;r<s;){let n=i.charAt(s-r-1);if(n===t&&!e)r++;else if(n!==t&&e)r++;else break}return i.slice(0,s-r)}function to(i){let t=i.split(`
`),e=t.length-1;for(;e>=0&&Y.blankLine.test(t[e]);)e--;return t.length-e<=2?i:t.slice(0,e+1).join(`
`)}function Gs(i){return i.trim().replace(Y.multipleSpaceGlobal," ").toLowerCase().toUpperCase().toLowerCase()}function so(i,t){if(i.indexOf(t[0])===-1&&i.indexOf(t[1])===-1)return-1;let e=0;for(let s=0;s<i.length;s++)if(i[s]==="\\")s++;else if(i[s]===t[0])e++;else if(i[s]===t[1]&&(e--,e<0))return s;return e>0?-2:-1}var Rt=new WeakMap;function rr(i){let t={"*":-1,_:-1},e=-1,s=i.length;for(let r=0;r<s;r++){let n=i[r];if(n!=="*"&&n!=="_"&&n!=="~")continue;let o=r===0?`
`:i[r-1],c=r+1;for(;c<s&&i[c]===n;)c++;o!==" "&&o!=="	"&&o!==`
`&&o!=="\r"&&o!=="\f"&&(n==="~"?e=r:t[n]=r),r=c-1}return{maskedSrc:i,lastPossibleEmStrongCloserIndex:t,lastPossibleDelCloserIndex:e}}function wc(i,t){let e=rr(t),s=Rt.get(i);s?s.push(e):Rt.set(i,[e])}function kc(i){let t=Rt.get(i);t&&(t.pop(),t.length===0&&Rt.delete(i))}function mo(i,t,e){let s=Rt.get(i)?.at(-1);return s&&s.maskedSrc===t?s.lastPossibleEmStrongCloserIndex[e]:rr(t).lastPossibleEmStrongCloserIndex[e]}function bo(i,t){let e=Rt.get(i)?.at(-1);return e&&e.maskedSrc===t?e.lastPossibleDelCloserIndex:rr(t).lastPossibleDelCloserIndex}function Bs(i,t=0){let e=t,s="";for(let r of i)if(r==="	"){let n=4-e%4;s+=" ".repeat(n),e+=n}else s+=r,e++;return s}function Ac(i,t){let e="";for(let s=0;s<i.length;s++){if(i[s]==="`"){let r=t.inline.code.exec(i.slice(s));if(r){e+=r[0],s+=r[0].length-1;continue}}if(i[s]==="\\"&&(i[s+1]==="["||i[s+1]==="]")){e+=i[s+1],s++;continue}e+=i[s]}return e}function io(i,t,e,s,r){let n=t.href,o=t.title||null,c=Ac(i[1],r),l=i[0].charAt(0)==="!",h=s.state.inLink,p=s.state.linkEmitted,f=s.state.inRawBlock;s.state.inLink=!0,s.state.linkEmitted=!1;let y=s.inlineTokens(c),w=s.state.linkEmitted;if(s.state.linkEmitted=p,s.state.inLink=h,!l){if(w){s.state.inRawBlock=f;return}s.state.linkEmitted=!0}return{type:l?"image":"link",raw:e,href:n,title:o,text:c,tokens:y}}function Ec(i,t,e){let s=i.match(e.other.indentCodeCompensation);if(s===null)return t;let r=s[1];return t.split(`
`).map(n=>{let o=n.match(e.other.beginningSpace);if(o===null)return n;let[c]=o;return n.slice(Math.min(c.length,r.length))}).join(`
`)}function ro(i,t,e,s){if(!t.includes("<"))return!1;for(let r=0;r<t.length;r++){if(t[r]==="\\"){r++;continue}if(t[r]==="`"){let c=s.inline.code.exec(t.slice(r));if(c){r+=c[0].length-1;continue}}if(t[r]!=="<")continue;let n=i.slice(e+r),o=s.inline.tag.exec(n)||s.inline.autolink.exec(n);if(o){if(o[0].length>t.length-r)return!0;r+=o[0].length-1}}return!1}var pt=class{options;rules;lexer;constructor(i){this.options=i||dt}space(i){let t=this.rules.block.newline.exec(i);if(t&&t[0].length>0)return{type:"space",raw:t[0]}}code(i){let t=this.rules.block.code.exec(i);if(t){let e=this.options.pedantic?t[0]:to(t[0]),s=e.replace(this.rules.other.codeRemoveIndent,"");return{type:"code",raw:e,codeBlockStyle:"indented",text:s}}}fences(i){let t=this.rules.block.fences.exec(i);if(t){let e=t[0],s=Ec(e,t[3]||"",this.rules);return t[3]!==void 0&&(s===""||s.endsWith(`
`))&&(s+=`
`),{type:"code",raw:e,lang:t[2]?t[2].trim().replace(this.rules.inline.anyPunctuation,"$1"):t[2],text:s}}}heading(i){let t=this.rules.block.heading.exec(i);if(t){let e=t[2].trim();if(this.rules.other.endingHash.test(e)){let s=Ne(e,"#");(this.options.pedantic||!s||this.rules.other.endingSpaceTabChar.test(s))&&(e=s.trim())}return{type:"heading",raw:Ne(t[0],`
`),depth:t[1].length,text:e,tokens:this.lexer.inline(e)}}}hr(i){let t=this.rules.block.hr.exec(i);if(t)return{type:"hr",raw:Ne(t[0],`
`)}}blockquote(i){let t=this.rules.block.blockquote.exec(i);if(t){let e=Ne(t[0],`
`).split(`
`),s="",r="",n=[];for(;e.length>0;){let o=!1,c=[],l;for(l=0;l<e.length;l++)if(this.rules.other.blockquoteStart.test(e[l]))c.push(e[l]),o=!0;else if(!o)c.push(e[l]);else break;e=e.slice(l);let h=c.join(`
`),p=h.replace(this.rules.other.blockquoteMarkerWhitespace,(w,E,C)=>C.startsWith(" ")?E+" "+C.slice(1):E+Bs(C,E.length)).replace(this.rules.other.blockquoteSetextReplace,`
    $1`).replace(this.rules.other.blockquoteSetextReplace2,"");s=s?`${s}
${h}`:h,r=r?`${r}
${p}`:p;let f=this.lexer.state.top;if(this.lexer.state.top=!0,this.lexer.blockTokens(p,n,!0),this.lexer.state.top=f,e.length===0)break;let y=n.at(-1);if(y?.type==="code"||y?.type==="heading"||y?.type==="hr"||y?.type==="html"||y?.type==="table")break;if(y?.type==="blockquote"){let w=y,E=e.join(`
`),C=w.raw+`
`+E.replace(this.rules.other.blockquoteSetextReplace2,""),x=this.blockquote(C);n[n.length-1]=x;let I=C.substring(x.raw.length).replace(/^\n/,""),ue=I?I.split(`
`).length:0,N=ue?e.slice(0,-ue):e;if(N.length>0&&(s=`${s}
${N.join(`
`)}`),r=r.substring(0,r.length-w.text.length)+x.text,e=e.slice(N.length),e.length>0&&this.rules.other.blockquoteStart.test(e[0]))continue;break}else if(y?.type==="list"){let w=y,E=w.raw+`
`+e.join(`
`),C=this.list(E);n[n.length-1]=C;let x=C.raw.length>w.raw.length?E.slice(w.raw.length+1,C.raw.length).split(`
`).length:0;if(x>0){let I=e.slice(0,x).join(`
`);s=`${s}
${I}`,r=`${r}
${I}`}if(e=e.slice(x),e.length>0&&!this.rules.other.blockquoteStart.test(e[0]))break;continue}}return{type:"blockquote",raw:s,tokens:n,text:r}}}list(i){let t=this.rules.block.list.exec(i);if(t){if(!this.options.pedantic&&this.lexer.state.lastToken?.type==="text"&&!this.rules.other.listInterruptsParagraph.test(i))return;let e=i,s=()=>e.length-i.length,r=t[1].trim(),n=r.length>1,o={type:"list",raw:"",ordered:n,start:n?+r.slice(0,-1):"",loose:!1,items:[]};r=n?`\\d{1,9}\\${r.slice(-1)}`:`\\${r}`,this.options.pedantic&&(r=n?r:"[*+-]");let c=this.rules.other.listItemRegex(r),l=!1;for(;i;){let f=!1,y="";if(!(t=c.exec(i))||this.rules.block.hr.test(i))break;let w=s();i=i.substring(t[0].length);let E=t[2].split(`
`,1)[0],C=t[1].length,x=this.options.pedantic?Bs(E,C):E.replace(this.rules.other.leadingSpaceTab,pe=>Bs(pe,C)),I=i.split(`
`,1)[0],ue=!x.trim(),N=0;if(this.options.pedantic?(N=2,y=x.trimStart()):ue?N=C+1:(N=x.search(this.rules.other.nonSpaceChar),N=N>4?1:N,y=x.slice(N),N+=C),ue&&this.rules.other.blankLine.test(I)&&(i=i.substring(I.length+1),f=!0),!f){let pe=this.rules.other.nextBulletRegex(N),De=this.rules.other.hrRegex(N),te=this.rules.other.fencesBeginRegex(N),ae=this.options.pedantic?this.rules.other.pedanticHeadingBeginRegex(N):this.rules.other.headingBeginRegex(N),Me=this.rules.other.htmlBeginRegex(N),Ue=this.rules.other.blockquoteBeginRegex(N),X=!1;for(;i;){let ke=i.split(`
`,1)[0],Ae;if(I=ke,this.options.pedantic?(I=I.replace(this.rules.other.listReplaceNesting,"  "),Ae=I):Ae=I.replace(this.rules.other.leadingSpaceTab,re=>Bs(re)),te.test(I)||ae.test(I)||Me.test(I)||Ue.test(I)||pe.test(I)||De.test(I))break;if(Ae.search(this.rules.other.nonSpaceChar)>=N||!I.trim())y+=`
`+Ae.slice(N),X=!1;else{if(ue)break;let re=x;if(!this.options.pedantic&&!y.includes(`
`)&&!x.includes("	")){let Se;for(;!De.test(re)&&(Se=this.rules.other.nestedBlockMarker.exec(re));)re=re.slice(Se[0].length);if(!re.trim())break}if(re.replace(this.rules.other.tabCharGlobal,"    ").search(this.rules.other.nonSpaceChar)>=4||te.test(re)||ae.test(re)||Me.test(re)||De.test(re))break;if(!this.options.pedantic&&!X){let Se=x.replace(this.rules.other.nestedContainerMarkers,"");if(this.rules.block.fences.test(Se)||this.rules.block.heading.test(Se)||this.rules.block.hr.test(Se))break}let Ke=!this.options.pedantic&&/^ {0,3}(?:=+|-+) *$/.test(I)&&this.rules.block.lheading.test(`${x}
${I}`)?`    ${Ae.replace(/^ {0,3}/,"")}`:I;y+=`
`+Ke,X=!0}ue=!I.trim(),i=i.substring(ke.length+1),x=Ae.slice(N)}}let me=e.slice(w,s());o.loose||(l?o.loose=!0:this.rules.other.doubleBlankLine.test(me)&&(l=!0)),o.items.push({type:"list_item",raw:me,task:!!this.options.gfm&&this.rules.other.listIsTask.test(y),loose:!1,text:y,tokens:[]})}let h=o.items.at(-1);if(h)h.raw=h.raw.trimEnd(),h.text=h.text.trimEnd();else return;o.raw=e.slice(0,s()).trimEnd();let p=[];for(let f of o.items)if(this.lexer.state.top=!1,p.push(this.lexer.inlineQueue.length),f.tokens=this.lexer.blockTokens(f.text,[]),!o.loose){let y=f.tokens.filter(E=>E.type==="space"),w=y.length>0&&y.some(E=>this.rules.other.anyLine.test(E.raw));o.loose=w}for(let f=0;f<o.items.length;f++){let y=o.items[f],w=y.tokens[0];if(y.task&&(w?.type==="text"||w?.type==="paragraph")){y.text=y.text.replace(this.rules.other.listReplaceTask,""),w.raw=w.raw.replace(this.rules.other.listReplaceTask,""),w.text=w.text.replace(this.rules.other.listReplaceTask,"");let E=this.lexer.inlineQueue;for(let x=p[f];x<E.length;x++)if(E[x].tokens===w.tokens){E[x].src=E[x].src.replace(this.rules.other.listReplaceTask,"");break}let C=this.rules.other.listTaskCheckbox.exec(y.raw);if(C){let x={type:"checkbox",raw:C[0]+" ",checked:C[0]!=="[ ]"};y.checked=x.checked,o.loose?y.tokens[0]&&["paragraph","text"].includes(y.tokens[0].type)&&"tokens"in y.tokens[0]&&y.tokens[0].tokens?(y.tokens[0].raw=x.raw+y.tokens[0].raw,y.tokens[0].text=x.raw+y.tokens[0].text,y.tokens[0].tokens.unshift(x)):y.tokens.unshift({type:"paragraph",raw:x.raw,text:x.raw,tokens:[x]}):y.tokens.unshift(x)}}else y.task&&(y.task=!1)}if(o.loose)for(let f of o.items){f.loose=!0;for(let y of f.tokens)y.type==="text"&&(y.type="paragraph")}return o}}html(i){let t=this.rules.block.html.exec(i);if(t){if(this.lexer.state.lastToken?.type==="paragraph"&&!this.rules.other.htmlBeginRegex(4).test(i))return;let e=to(t[0]);return{type:"html",block:!0,raw:e,pre:t[1]==="pre"||t[1]==="script"||t[1]==="style",text:e}}}def(i){let t=this.rules.block.def.exec(i);if(t){if(!this.rules.other.startAngleBracket.test(t[2])&&so(t[2],"()")!==-1)return;let e=Gs(t[1]),s=t[2]?t[2].replace(this.rules.other.hrefBrackets,"$1").replace(this.rules.inline.anyPunctuation,"$1"):"",r=t[3]?t[3].substring(1,t[3].length-1).replace(this.rules.inline.anyPunctuation,"$1"):t[3];return{type:"def",tag:e,raw:Ne(t[0],`
`),href:s,title:r}}}table(i){let t=this.rules.block.table.exec(i);if(!t||!this.rules.other.tableDelimiter.test(t[2]))return;let e=eo(t[1]),s=t[2].replace(this.rules.other.tableAlignChars,"").split("|"),r=t[3]?.trim()?t[3].replace(this.rules.other.tableRowBlankLine,"").split(`
`):[],n={type:"table",raw:Ne(t[0],`
`),header:[],align:[],rows:[]};if(e.length===s.length){for(let o of s)this.rules.other.tableAlignRight.test(o)?n.align.push("right"):this.rules.other.tableAlignCenter.test(o)?n.align.push("center"):this.rules.other.tableAlignLeft.test(o)?n.align.push("left"):n.align.push(null);for(let o=0;o<e.length;o++)n.header.push({text:e[o],tokens:this.lexer.inline(e[o]),header:!0,align:n.align[o]});for(let o of r)n.rows.push(eo(o,n.header.length).map((c,l)=>({text:c,tokens:this.lexer.inline(c),header:!1,align:n.align[l]})));return n}}lheading(i){let t=this.rules.block.lheading.exec(i);if(t){let e=t[1].trim();return{type:"heading",raw:Ne(t[0],`
`),depth:t[2].charAt(0)==="="?1:2,text:e,tokens:this.lexer.inline(e)}}}paragraph(i){let t=this.rules.block.paragraph.exec(i);if(t){let e=t[1].charAt(t[1].length-1)===`
`?t[1].slice(0,-1):t[1];return{type:"paragraph",raw:t[0],text:e,tokens:this.lexer.inline(e)}}}text(i){let t=this.rules.block.text.exec(i);if(t)return{type:"text",raw:t[0],text:t[0],tokens:this.lexer.inline(t[0])}}escape(i){if(i.charCodeAt(0)!==92)return;let t=this.rules.inline.escape.exec(i);if(t)return{type:"escape",raw:t[0],text:t[1]}}tag(i){if(i.charCodeAt(0)!==60)return;let t=this.rules.inline.tag.exec(i);if(t)return!this.lexer.state.inLink&&this.rules.other.startATag.test(t[0])?this.lexer.state.inLink=!0:this.lexer.state.inLink&&this.rules.other.endATag.test(t[0])&&(this.lexer.state.inLink=!1),!this.lexer.state.inRawBlock&&this.rules.other.startPreScriptTag.test(t[0])?this.lexer.state.inRawBlock=!0:this.lexer.state.inRawBlock&&this.rules.other.endPreScriptTag.test(t[0])&&(this.lexer.state.inRawBlock=!1),{type:"html",raw:t[0],inLink:this.lexer.state.inLink,inRawBlock:this.lexer.state.inRawBlock,block:!1,text:t[0]}}link(i){if(this.lexer.state.linkParenPossible===!1)return;let t=i.charCodeAt(0);if(t!==91&&t!==33)return;let e=this.rules.inline.link.exec(i);if(e){let s=e[0].charAt(0)==="!"?2:1;if(!this.options.pedantic&&ro(i,e[1],s,this.rules))return;let r=e[2].trim();if(!this.options.pedantic&&this.rules.other.startAngleBracket.test(r)){if(!this.rules.other.endAngleBracket.test(r))return;let l=Ne(r.slice(0,-1),"\\");if((r.length-l.length)%2===0)return}else{let l=so(e[2],"()");if(l===-2)return;if(l>-1){let h=(e[0].indexOf("!")===0?5:4)+e[1].length+l;e[2]=e[2].substring(0,l),e[0]=e[0].substring(0,h).trim(),e[3]=""}}let n=Ne(e[0].slice(0,-1),"\\");if((e[0].length-n.length)%2===0)return;let o=e[2],c="";if(this.options.pedantic){let l=this.rules.other.pedanticHrefTitle.exec(o);l&&(o=l[1],c=l[3])}else c=e[3]?e[3].slice(1,-1):"";return o=o.trim(),this.rules.other.startAngleBracket.test(o)&&(this.options.pedantic&&!this.rules.other.endAngleBracket.test(r)?o=o.slice(1):o=o.slice(1,-1)),io(e,{href:o&&o.replace(this.rules.inline.anyPunctuation,"$1"),title:c&&c.replace(this.rules.inline.anyPunctuation,"$1")},e[0],this.lexer,this.rules)}}reflink(i,t){let e=i.charCodeAt(0);if(e!==91&&e!==33)return;let s;if((s=this.rules.inline.reflink.exec(i))||(s=this.rules.inline.nolink.exec(i))){let r=s[0].charAt(0)==="!"?2:1;if(!this.options.pedantic&&ro(i,s[1],r,this.rules))return;let n=t[Gs(s[2]||s[1])];if(!n){let o=s[0].charAt(0);return{type:"text",raw:o,text:o}}return io(s,n,s[0],this.lexer,this.rules)}}emStrong(i,t,e=""){let s=this.rules.inline.emStrongLDelim.exec(i);if(!s||!s[1]&&!s[2]&&!s[3]&&!s[4])return;let r=s[0][0],n=e===r,o=t.length-i.length,c=o;for(;!this.options.pedantic&&c>0&&t[c-1]===r;)c--;let l=[...t.slice(Math.max(0,c-2),c)].at(-1)??"",h=l==="*"||l==="_"||!!this.rules.inline.punctuation.exec(l);c<o&&(e=l);let p=c<o?h:e==="*"||e==="_"||!!this.rules.inline.punctuation.exec(e);if(s[4]&&e.match(this.rules.other.unicodeAlphaNumeric))return;let f=s[1]||s[3]||"";if(!f||!e||p){let y=[...s[0]].length-1,w,E,C=y,x=0,I=o-c+y,ue=!this.options.pedantic&&!!l.trim()&&(!!f||r==="*"&&!h);if(r!=="*"&&r!=="_")return;let N=r==="*"?this.rules.inline.emStrongRDelimAst:this.rules.inline.emStrongRDelimUnd,me=mo(this,t,r),pe=t.length-i.length+y;if(me<pe)return;t=t.slice(-1*i.length+y);let De=me-pe;for(N.lastIndex=0;(s=N.exec(t))!==null&&!(s.index>De);){if(w=s[1]||s[2]||s[3]||s[4]||s[5]||s[6],!w)continue;if(E=[...w].length,s[3]||s[4]){C+=E;continue}else if((s[5]||s[6]||ue)&&I%3&&!((I+E)%3)){if(n&&(s[5]||s[6]))break;x+=E;continue}if(C-=E,C>0)continue;E=Math.min(E,E+C+x);let te=[...s[0]][0].length,ae=i.slice(0,y+s.index+te+E);if(Math.min(y,E)%2){let Ue=ae.slice(1,-1);return{type:"em",raw:ae,text:Ue,tokens:this.lexer.inlineTokens(Ue)}}let Me=ae.slice(2,-2);return{type:"strong",raw:ae,text:Me,tokens:this.lexer.inlineTokens(Me)}}}}codespan(i){if(i.charCodeAt(0)!==96)return;let t=this.rules.inline.code.exec(i);if(t){let e=t[2].replace(this.rules.other.newLineCharGlobal," "),s=this.rules.other.nonSpaceChar.test(e),r=this.rules.other.startingSpaceChar.test(e)&&this.rules.other.endingSpaceChar.test(e);return s&&r&&(e=e.substring(1,e.length-1)),{type:"codespan",raw:t[0],text:e}}}br(i){let t=i.charCodeAt(0);if(t!==32&&t!==92&&t!==10)return;let e=this.rules.inline.br.exec(i);if(e)return{type:"br",raw:e[0]}}del(i,t,e=""){if(i.charCodeAt(0)!==126)return;let s=this.rules.inline.delLDelim.exec(i);if(s&&(!s[1]||!e||this.rules.inline.punctuation.exec(e))){let r=[...s[0]].length-1,n,o,c=r,l=this.rules.inline.delRDelim,h=bo(this,t),p=t.length-i.length+r;if(h<p)return;t=t.slice(-1*i.length+r);let f=h-p;for(l.lastIndex=0;(s=l.exec(t))!==null&&!(s.index>f);){if(n=s[1]||s[2]||s[3]||s[4]||s[5]||s[6],!n||(o=[...n].length,o!==r))continue;if(s[3]||s[4]){c+=o;continue}if(c-=o,c>0)continue;o=Math.min(o,o+c);let y=[...s[0]][0].length,w=i.slice(0,r+s.index+y+o),E=w.slice(r,-r);return{type:"del",raw:w,text:E,tokens:this.lexer.inlineTokens(E)}}}}autolink(i){if(i.charCodeAt(0)!==60)return;let t=this.rules.inline.autolink.exec(i);if(t){let e,s;return t[2]==="@"?(e=t[1],s="mailto:"+e):(e=t[1],s=e),{type:"link",raw:t[0],text:e,href:s,autolink:!0,tokens:[{type:"text",raw:e,text:e}]}}}url(i){let t;if(t=this.rules.inline.url.exec(i)){let e,s;if(t[2]==="@")e=t[0],s="mailto:"+e;else{let r;do r=t[0],t[0]=this.rules.inline._backpedal.exec(t[0])?.[0]??"";while(r!==t[0]);e=t[0],t[1]==="www."?s="http://"+t[0]:s=t[0]}return{type:"link",raw:t[0],text:e,href:s,autolink:!0,tokens:[{type:"text",raw:e,text:e}]}}}inlineText(i){let t=this.rules.inline.text.exec(i);if(t){let e=this.lexer.state.inRawBlock;return{type:"text",raw:t[0],text:e?t[0]:vc(t[0]),escaped:e}}}},ve=class Vi{tokens;options;state;inlineQueue;tokenizer;constructor(t){this.tokens=[],this.tokens.links=Object.create(null),this.options=t||dt,this.options.tokenizer=this.options.tokenizer||new pt,this.tokenizer=this.options.tokenizer,this.tokenizer.options=this.options,this.tokenizer.lexer=this,this.inlineQueue=[],this.state={inLink:!1,inRawBlock:!1,linkEmitted:!1,linkParenPossible:!0,top:!0};let e={other:Y,block:qs.normal,inline:Qt.normal};this.options.pedantic?(e.block=qs.pedantic,e.inline=Qt.pedantic):this.options.gfm&&(e.block=qs.gfm,this.options.breaks?e.inline=Qt.breaks:e.inline=Qt.gfm),this.tokenizer.rules=e}static get rules(){return{block:qs,inline:Qt}}static lex(t,e){return new Vi(e).lex(t)}static lexInline(t,e){return new Vi(e).inlineTokens(t)}lex(t){t=t.replace(Y.carriageReturn,`
`),this.blockTokens(t,this.tokens);for(let e=0;e<this.inlineQueue.length;e++){let s=this.inlineQueue[e];this.state.inRawBlock=!1,this.inlineTokens(s.src,s.tokens)}return this.inlineQueue=[],this.tokens}blockTokens(t,e=[],s=!1){this.tokenizer.lexer=this;let r=this.state.lastToken;this.options.pedantic&&(t=t.replace(Y.tabCharGlobal,"    ").replace(Y.spaceLine,""));let n=1/0,o,c=this.options.gfm&&!this.options.pedantic&&this.tokenizer.paragraph===pt.prototype.paragraph;for(;t;){if(t.length<n)n=t.length;else{this.infiniteLoopError(t.charCodeAt(0));break}this.state.lastToken=e.at(-1);let l;if(this.options.extensions?.block?.some(p=>(l=p.call({lexer:this},t,e))?(t=t.substring(l.raw.length),e.push(l),!0):!1))continue;if(l=this.tokenizer.space(t)){t=t.substring(l.raw.length);let p=e.at(-1);l.raw.length===1&&p!==void 0?p.raw+=`
`:e.push(l);continue}if(l=this.tokenizer.code(t)){t=t.substring(l.raw.length);let p=e.at(-1);p?.type==="paragraph"||p?.type==="text"?(p.raw+=(p.raw.endsWith(`
`)?"":`
`)+l.raw,p.text+=`
`+l.text,this.inlineQueue.at(-1).src=p.text):e.push(l);continue}if(l=this.tokenizer.fences(t)){t=t.substring(l.raw.length),e.push(l);continue}if(l=this.tokenizer.heading(t)){t=t.substring(l.raw.length),e.push(l);continue}if(l=this.tokenizer.hr(t)){t=t.substring(l.raw.length),e.push(l);continue}if(l=this.tokenizer.blockquote(t)){t=t.substring(l.raw.length),e.push(l);continue}if(l=this.tokenizer.list(t)){t=t.substring(l.raw.length),e.push(l);continue}if(l=this.tokenizer.html(t)){t=t.substring(l.raw.length),e.push(l);continue}if(l=this.tokenizer.def(t)){t=t.substring(l.raw.length);let p=e.at(-1);p?.type==="paragraph"||p?.type==="text"?(p.raw+=(p.raw.endsWith(`
`)?"":`
`)+l.raw,p.text+=`
`+l.raw,this.inlineQueue.at(-1).src=p.text):(this.tokens.links[l.tag]||(this.tokens.links[l.tag]={href:l.href,title:l.title}),e.push(l));continue}if(l=this.tokenizer.table(t)){t=t.substring(l.raw.length),e.push(l);continue}if(l=this.tokenizer.lheading(t)){t=t.substring(l.raw.length),e.push(l);continue}let h=t;if(this.options.extensions?.startBlock){let p=1/0,f=t.slice(1),y;this.options.extensions.startBlock.forEach(w=>{y=w.call({lexer:this},f),typeof y=="number"&&y>=0&&(p=Math.min(p,y))}),p<1/0&&p>=0&&(h=t.substring(0,p+1))}if(this.state.top&&(l=this.tokenizer.paragraph(h))){let p=e.at(-1);(s||p===o&&c)&&p?.type==="paragraph"?(p.raw+=(p.raw.endsWith(`
`)?"":`
`)+l.raw,p.text+=`
`+l.text,this.inlineQueue.pop(),this.inlineQueue.at(-1).src=p.text,o=p):(e.push(l),o=l),s=h.length!==t.length,t=t.substring(l.raw.length);continue}if(l=this.tokenizer.text(t)){t=t.substring(l.raw.length);let p=e.at(-1);p?.type==="text"?(p.raw+=(p.raw.endsWith(`
`)?"":`
`)+l.raw,p.text+=`
`+l.text,this.inlineQueue.pop(),this.inlineQueue.at(-1).src=p.text):e.push(l);continue}if(t){this.infiniteLoopError(t.charCodeAt(0));break}}return this.state.top=!0,this.state.lastToken=r,e}inline(t,e=[]){return this.inlineQueue.push({src:t,tokens:e}),e}linkInText(t){if(!t.includes("["))return!1;let e=this.tokenizer.rules.inline.link;for(let s of t.matchAll(this.tokenizer.rules.inline.blockSkip))if(e.test(s[0])&&t.charAt(s.index-1)!=="!")return!0;for(let s of t.matchAll(this.tokenizer.rules.inline.reflinkSearch)){let r=s[0],n=r.lastIndexOf("[");if(!(r.charAt(0)==="!"||!Object.hasOwn(this.tokens.links,Gs(r.slice(n+1,-1))))&&!(n>1&&this.linkInText(r.slice(1,n-1))))return!0}return!1}inlineTokens(t,e=[]){this.tokenizer.lexer=this;let s=this.state.linkParenPossible;this.state.linkParenPossible=t.includes(")");try{return this.#t(t,e)}finally{this.state.linkParenPossible=s}}#t(t,e){let s=t.includes("*")||t.includes("_")||t.includes("~"),r=s||this.options.hooks?.emStrongMask||this.tokenizer.emStrong!==pt.prototype.emStrong||this.tokenizer.del!==pt.prototype.del?this.#i(t):t;if(!s)return this.#e(t,r,e);wc(this.tokenizer,r);try{return this.#e(t,r,e)}finally{kc(this.tokenizer)}}#e(t,e,s){let r=!1,n="",o=1/0;for(;t;){if(t.length<o)o=t.length;else{this.infiniteLoopError(t.charCodeAt(0));break}r||(n=""),r=!1;let c;if(this.options.extensions?.inline?.some(p=>(c=p.call({lexer:this},t,s))?(t=t.substring(c.raw.length),s.push(c),!0):!1))continue;if(c=this.tokenizer.escape(t)){t=t.substring(c.raw.length),s.push(c);continue}if(c=this.tokenizer.tag(t)){t=t.substring(c.raw.length),s.push(c);continue}if(c=this.tokenizer.link(t)){t=t.substring(c.raw.length),s.push(c);continue}if(c=this.tokenizer.reflink(t,this.tokens.links)){t=t.substring(c.raw.length);let p=s.at(-1);c.type==="text"&&p?.type==="text"?(p.raw+=c.raw,p.text+=c.text):s.push(c);continue}let l=t[0];if(l==="*"||l==="_"){let p=e.length-t.length;if(mo(this.tokenizer,e,l)<=p){let f=1;for(;f<t.length&&t.charCodeAt(f)===l.charCodeAt(0);)f++;let y=t.substring(0,f),w=s.at(-1);w?.type==="text"&&!w.escaped?(w.raw+=y,w.text+=y):s.push({type:"text",raw:y,text:y,escaped:!1}),t=t.substring(f),n=l,r=!0;continue}}else if(l==="~"){let p=e.length-t.length;if(bo(this.tokenizer,e)<=p){let f=1;for(;f<t.length&&t.charCodeAt(f)===126;)f++;let y=t.substring(0,f),w=s.at(-1);w?.type==="text"&&!w.escaped?(w.raw+=y,w.text+=y):s.push({type:"text",raw:y,text:y,escaped:!1}),t=t.substring(f),n=l,r=!0;continue}}if(c=this.tokenizer.emStrong(t,e,n)){t=t.substring(c.raw.length),s.push(c);continue}if(c=this.tokenizer.codespan(t)){t=t.substring(c.raw.length),s.push(c);continue}if(c=this.tokenizer.br(t)){t=t.substring(c.raw.length),s.push(c);continue}if(c=this.tokenizer.del(t,e,n)){t=t.substring(c.raw.length),s.push(c);continue}if(c=this.tokenizer.autolink(t)){t=t.substring(c.raw.length),s.push(c);continue}if(!this.state.inLink&&(c=this.tokenizer.url(t))){t=t.substring(c.raw.length),s.push(c);continue}let h=t;if(this.options.extensions?.startInline){let p=1/0,f=t.slice(1),y;this.options.extensions.startInline.forEach(w=>{y=w.call({lexer:this},f),typeof y=="number"&&y>=0&&(p=Math.min(p,y))}),p<1/0&&p>=0&&(h=t.substring(0,p+1))}if(c=this.tokenizer.inlineText(h)){t=t.substring(c.raw.length),c.raw.slice(-1)!=="_"&&(n=c.raw.slice(-1)),r=!0;let p=s.at(-1);p?.type==="text"?(p.raw+=c.raw,p.text+=c.text):s.push(c);continue}if(t){this.infiniteLoopError(t.charCodeAt(0));break}}return s}#s(t){let{blockSkip:e,tag:s,autolink:r}=this.tokenizer.rules.inline,n="",o=0,c;for(e.lastIndex=0;c=e.exec(t);){let l=c.index+(c[2]?c[2].length:0),h=c.index+c[0].length;if(t.charAt(l)==="<"){let p=t.slice(l),f=s.exec(p)||r.exec(p);if(!f){e.lastIndex=l+1;continue}h=l+f[0].length,e.lastIndex=h}n+=t.slice(o,l)+"["+"a".repeat(h-l-2)+"]",o=h}return n+t.slice(o)}#i(t){let e=t;if(this.tokens.links&&t.includes("[")){let s=this.tokenizer.rules.inline.reflinkSearch,r=n=>{let o=n.lastIndexOf("[");if(!Object.hasOwn(this.tokens.links,Gs(n.slice(o+1,-1))))return n;if(o>1&&n.charAt(0)!=="!"){let c=n.slice(1,o-1);if(this.linkInText(c))return"["+c.replace(s,r)+"]["+"a".repeat(n.length-o-2)+"]"}return"["+"a".repeat(n.length-2)+"]"};e=e.replace(s,r)}return e=e.replace(this.tokenizer.rules.inline.anyPunctuationOutsideCode,(s,r,n)=>n?"+".repeat(s.length):r?r+s.slice(r.length,-r.length).replace(/`/g,"+")+r:s),e=this.#s(e),e=this.options.hooks?.emStrongMask?.call({lexer:this},e)??e,e}infiniteLoopError(t){let e="Infinite loop on byte: "+t;if(this.options.silent)console.error(e);else throw new Error(e)}},Ys=class{options;parser;constructor(i){this.options=i||dt}space(i){return""}code({text:i,lang:t,escaped:e}){let s=(t||"").match(Y.notSpaceStart)?.[0],r=i?i.replace(Y.endingNewline,"")+`
`:"";return s?'<pre><code class="language-'+fe(s)+'">'+(e?r:fe(r,!0))+`</code></pre>
`:"<pre><code>"+(e?r:fe(r,!0))+`</code></pre>
`}blockquote({tokens:i}){return`<blockquote>
${this.parser.parse(i)}</blockquote>
`}html({text:i}){return i}def(i){return""}heading({tokens:i,depth:t}){return`<h${t}>${this.parser.parseInline(i)}</h${t}>
`}hr(i){return`<hr>
`}list(i){let t=i.ordered,e=i.start,s="";for(let o=0;o<i.items.length;o++){let c=i.items[o];s+=this.listitem(c)}let r=t?"ol":"ul",n=t&&e!==1?' start="'+e+'"':"";return"<"+r+n+`>
`+s+"</"+r+`>
`}listitem(i){return`<li>${this.parser.parse(i.tokens)}</li>
`}checkbox({checked:i}){return"<input "+(i?'checked="" ':"")+'disabled="" type="checkbox"> '}paragraph({tokens:i}){return`<p>${this.parser.parseInline(i)}</p>
`}table(i){let t="",e="";for(let r=0;r<i.header.length;r++)e+=this.tablecell(i.header[r]);t+=this.tablerow({text:e});let s="";for(let r=0;r<i.rows.length;r++){let n=i.rows[r];e="";for(let o=0;o<n.length;o++)e+=this.tablecell(n[o]);s+=this.tablerow({text:e})}return s&&(s=`<tbody>${s}</tbody>`),`<table>
<thead>
`+t+`</thead>
`+s+`</table>
`}tablerow({text:i}){return`<tr>
${i}</tr>
`}tablecell(i){let t=this.parser.parseInline(i.tokens),e=i.header?"th":"td";return(i.align?`<${e} align="${i.align}">`:`<${e}>`)+t+`</${e}>
`}strong({tokens:i}){return`<strong>${this.parser.parseInline(i)}</strong>`}em({tokens:i}){return`<em>${this.parser.parseInline(i)}</em>`}codespan({text:i}){return`<code>${fe(i,!0)}</code>`}br(i){return"<br>"}del({tokens:i}){return`<del>${this.parser.parseInline(i)}</del>`}link({href:i,title:t,text:e,tokens:s,autolink:r}){let n=r?fe(e,!0):this.parser.parseInline(s),o=Jn(i);if(o===null)return n;i=fe(o,r);let c='<a href="'+i+'"';return t&&(c+=' title="'+fe(t)+'"'),c+=">"+n+"</a>",c}image({href:i,title:t,text:e,tokens:s}){s&&(e=this.parser.parseInline(s,this.parser.textRenderer));let r=Jn(i);if(r===null)return fe(e);i=r;let n=`<img src="${fe(i)}" alt="${fe(e)}"`;return t&&(n+=` title="${fe(t)}"`),n+=">",n}text(i){return"tokens"in i&&i.tokens?this.parser.parseInline(i.tokens):"escaped"in i&&i.escaped?i.text:fe(i.text)}},nr=class{parser;strong({text:i,tokens:t}){return t?this.parser.parseInline(t,this):i}em({text:i,tokens:t}){return t?this.parser.parseInline(t,this):i}codespan({text:i}){return i}del({text:i,tokens:t}){return t?this.parser.parseInline(t,this):i}html({text:i}){return i}text({text:i}){return i}link({text:i,tokens:t}){return t?this.parser.parseInline(t,this):i}image({text:i,tokens:t}){return t?this.parser.parseInline(t,this):i}br(){return`
`}checkbox({raw:i}){return i}},we=class Ki{options;renderer;textRenderer;constructor(t){this.options=t||dt,this.options.renderer=this.options.renderer||new Ys,this.renderer=this.options.renderer,this.renderer.options=this.options,this.renderer.parser=this,this.textRenderer=new nr,this.textRenderer.parser=this}static parse(t,e){return new Ki(e).parse(t)}static parseInline(t,e){return new Ki(e).parseInline(t)}parse(t){this.renderer.parser=this;let e="";for(let s=0;s<t.length;s++){let r=t[s];if(this.options.extensions?.renderers?.[r.type]){let o=r,c=this.options.extensions.renderers[o.type].call({parser:this},o);if(c!==!1||!["space","hr","heading","code","table","blockquote","list","checkbox","html","def","paragraph","text"].includes(o.type)){e+=c===!1?"":c??"";continue}}let n=r;switch(n.type){case"space":{e+=this.renderer.space(n);break}case"hr":{e+=this.renderer.hr(n);break}case"heading":{e+=this.renderer.heading(n);break}case"code":{e+=this.renderer.code(n);break}case"table":{e+=this.renderer.table(n);break}case"blockquote":{e+=this.renderer.blockquote(n);break}case"list":{e+=this.renderer.list(n);break}case"checkbox":{e+=this.renderer.checkbox(n);break}case"html":{e+=this.renderer.html(n);break}case"def":{e+=this.renderer.def(n);break}case"paragraph":{e+=this.renderer.paragraph(n);break}case"text":{e+=this.renderer.text(n);break}default:{let o='Token with "'+n.type+'" type was not found.';if(this.options.silent)return console.error(o),"";throw new Error(o)}}}return e}parseInline(t,e=this.renderer){this.renderer.parser=this;let s="";for(let r=0;r<t.length;r++){let n=t[r];if(this.options.extensions?.renderers?.[n.type]){let c=this.options.extensions.renderers[n.type].call({parser:this},n);if(c!==!1||!["escape","html","link","image","checkbox","strong","em","codespan","br","del","text"].includes(n.type)){s+=c===!1?"":c??"";continue}}let o=n;switch(o.type){case"escape":{s+=e.text(o);break}case"html":{s+=e.html(o);break}case"link":{s+=e.link(o);break}case"image":{s+=e.image(o);break}case"checkbox":{s+=e.checkbox(o);break}case"strong":{s+=e.strong(o);break}case"em":{s+=e.em(o);break}case"codespan":{s+=e.codespan(o);break}case"br":{s+=e.br(o);break}case"del":{s+=e.del(o);break}case"text":{s+=e.text(o);break}default:{let c='Token with "'+o.type+'" type was not found.';if(this.options.silent)return console.error(c),"";throw new Error(c)}}}return s}},Jt=class{options;block;constructor(i){this.options=i||dt}static passThroughHooks=new Set(["preprocess","postprocess","processAllTokens","emStrongMask"]);static passThroughHooksRespectAsync=new Set(["preprocess","postprocess","processAllTokens"]);preprocess(i){return i}postprocess(i){return i}processAllTokens(i){return i}emStrongMask(i){return i}provideLexer(i=this.block){return i?ve.lex:ve.lexInline}provideParser(i=this.block){return i?we.parse:we.parseInline}};function Ve(i,t){if(Array.isArray(t))for(let e=0;e<t.length;e++)i.push(t[e]);else i.push(t)}var Tc=class{defaults=Zi();options=this.setOptions;parse=this.parseMarkdown(!0);parseInline=this.parseMarkdown(!1);Parser=we;Renderer=Ys;TextRenderer=nr;Lexer=ve;Tokenizer=pt;Hooks=Jt;constructor(...i){this.use(...i)}walkTokens(i,t){let e=[];for(let s of i)switch(Ve(e,t.call(this,s)),s.type){case"table":{let r=s;for(let n of r.header)Ve(e,this.walkTokens(n.tokens,t));for(let n of r.rows)for(let o of n)Ve(e,this.walkTokens(o.tokens,t));break}case"list":{let r=s;Ve(e,this.walkTokens(r.items,t));break}default:{let r=s;this.defaults.extensions?.childTokens?.[r.type]?this.defaults.extensions.childTokens[r.type].forEach(n=>{let o=r[n].flat(1/0);Ve(e,this.walkTokens(o,t))}):r.tokens&&Ve(e,this.walkTokens(r.tokens,t))}}return e}use(...i){let t=this.defaults.extensions||{renderers:Object.create(null),childTokens:Object.create(null)};return i.forEach(e=>{let s={...e};if(s.async=this.defaults.async||s.async||!1,e.extensions&&(e.extensions.forEach(r=>{if(!r.name)throw new Error("extension name required");if("renderer"in r){let n=t.renderers[r.name];n?t.renderers[r.name]=function(...o){let c=r.renderer.apply(this,o);return c===!1&&(c=n.apply(this,o)),c}:t.renderers[r.name]=r.renderer}if("tokenizer"in r){if(!r.level||r.level!=="block"&&r.level!=="inline")throw new Error("extension level must be 'block' or 'inline'");let n=t[r.level];n?n.unshift(r.tokenizer):t[r.level]=[r.tokenizer],r.start&&(r.level==="block"?t.startBlock?t.startBlock.push(r.start):t.startBlock=[r.start]:r.level==="inline"&&(t.startInline?t.startInline.push(r.start):t.startInline=[r.start]))}"childTokens"in r&&r.childTokens&&(t.childTokens[r.name]=r.childTokens)}),s.extensions=t),e.renderer){let r=this.defaults.renderer||new Ys(this.defaults);for(let n in e.renderer){if(!(n in r))throw new Error(`renderer '${n}' does not exist`);if(["options","parser"].includes(n))continue;let o=n,c=e.renderer[o],l=r[o];r[o]=(...h)=>{let p=c.apply(r,h);return p===!1&&(p=l.apply(r,h)),p===!1?"":p??""}}s.renderer=r}if(e.tokenizer){let r=this.defaults.tokenizer||new pt(this.defaults);for(let n in e.tokenizer){if(!(n in r))throw new Error(`tokenizer '${n}' does not exist`);if(["options","rules","lexer"].includes(n))continue;let o=n,c=e.tokenizer[o],l=r[o];r[o]=(...h)=>{let p=c.apply(r,h);return p===!1&&(p=l.apply(r,h)),p}}s.tokenizer=r}if(e.hooks){let r=this.defaults.hooks||new Jt;for(let n in e.hooks){if(!(n in r))throw new Error(`hook '${n}' does not exist`);if(["options","block"].includes(n))continue;let o=n,c=e.hooks[o],l=r[o];Jt.passThroughHooks.has(n)?r[o]=h=>{if(r.options.async&&Jt.passThroughHooksRespectAsync.has(n))return(async()=>{let f=await c.call(r,h);return l.call(r,f)})();let p=c.call(r,h);return l.call(r,p)}:r[o]=(...h)=>{if(r.options.async)return(async()=>{let f=await c.apply(r,h);return f===!1&&(f=await l.apply(r,h)),f})();let p=c.apply(r,h);return p===!1&&(p=l.apply(r,h)),p}}s.hooks=r}if(e.walkTokens){let r=this.defaults.walkTokens,n=e.walkTokens;s.walkTokens=function(o){let c=[];return Ve(c,n.call(this,o)),r&&Ve(c,r.call(this,o)),c}}this.defaults={...this.defaults,...s}}),this}setOptions(i){return this.defaults={...this.defaults,...i},this}lexer(i,t){return ve.lex(i,t??this.defaults)}parser(i,t){return we.parse(i,t??this.defaults)}parseMarkdown(i){return(t,e)=>{let s={...e},r={...this.defaults,...s},n=this.onError(!!r.silent,!!r.async);if(this.defaults.async===!0&&s.async===!1)return n(new Error("marked(): The async option was set to true by an extension. Remove async: false from the parse options object to return a Promise."));if(typeof t>"u"||t===null)return n(new Error("marked(): input parameter is undefined or null"));if(typeof t!="string")return n(new Error("marked(): input parameter is of type "+Object.prototype.toString.call(t)+", string expected"));if(r.hooks&&(r.hooks.options=r,r.hooks.block=i),r.async)return(async()=>{let o=r.hooks?await r.hooks.preprocess(t):t,c=await(r.hooks?await r.hooks.provideLexer(i):i?ve.lex:ve.lexInline)(o,r),l=r.hooks?await r.hooks.processAllTokens(c):c;r.walkTokens&&await Promise.all(this.walkTokens(l,r.walkTokens));let h=await(r.hooks?await r.hooks.provideParser(i):i?we.parse:we.parseInline)(l,r);return r.hooks?await r.hooks.postprocess(h):h})().catch(n);try{r.hooks&&(t=r.hooks.preprocess(t));let o=(r.hooks?r.hooks.provideLexer(i):i?ve.lex:ve.lexInline)(t,r);r.hooks&&(o=r.hooks.processAllTokens(o)),r.walkTokens&&this.walkTokens(o,r.walkTokens);let c=(r.hooks?r.hooks.provideParser(i):i?we.parse:we.parseInline)(o,r);return r.hooks&&(c=r.hooks.postprocess(c)),c}catch(o){return n(o)}}}onError(i,t){return e=>{if(e.message+=`
Please report this to https://github.com/markedjs/marked.`,i){let s="<p>An error occurred:</p><pre>"+fe(e.message+"",!0)+"</pre>";return t?Promise.resolve(s):s}if(t)return Promise.reject(e);throw e}}},ht=new Tc;function P(i,t){return ht.parse(i,t)}P.options=P.setOptions=function(i){return ht.setOptions(i),P.defaults=ht.defaults,no(P.defaults),P};P.getDefaults=Zi;P.defaults=dt;function xc(...i){return ht.use(...i),P.defaults=ht.defaults,no(P.defaults),P}P.use=xc;P.walkTokens=function(i,t){return ht.walkTokens(i,t)};P.parseInline=ht.parseInline;P.Parser=we;P.parser=we.parse;P.Renderer=Ys;P.TextRenderer=nr;P.Lexer=ve;P.lexer=ve.lex;P.Tokenizer=pt;P.Hooks=Jt;P.parse=P;var Gp=P.options,Yp=P.setOptions,Vp=P.walkTokens,Kp=P.parseInline;var Zp=we.parse,Xp=ve.lex;var _c=["p","br","strong","em","del","code","pre","blockquote","ul","ol","li","h1","h2","h3","h4","h5","h6","a","hr","table","thead","tbody","tr","th","td"];function Ct(i){let t=P.parse(i,{async:!1,gfm:!0,breaks:!0});return Vn.sanitize(t,{ALLOWED_TAGS:_c,ALLOWED_ATTR:["href","title"],ALLOWED_URI_REGEXP:/^(?:https?:|mailto:|#)/i})}var Rc=0,B=class extends j{constructor(){super(...arguments);this.serverErrors=[];this.scopes=[];this.tagSuggestions=[];this.storage=null;this.busy=!1;this.heading="New note";this.submitLabel="Save note";this.allowFollowUp=!1;this.findAgents=null;this.knownAgents=[];this.errors=[];this.preview=!1;this.draftFields=null;this.tagText="";this.agents=new qe(this,()=>this.findAgents);this.openedAt=null;this.uid=`f${++Rc}`}connectedCallback(){super.connectedCallback();let e=this.storage?.loadDraft();e&&(this.draftFields=e.fields,this.openedAt=e.openedAt)}willUpdate(e){e.has("initial")&&this.initial&&(this.fields={...this.initial,...this.draftFields},this.draftFields=null),e.has("serverErrors")&&(this.errors=[...Ps(this.fields),...this.serverErrors])}reset(e){this.fields=e,this.openedAt=null,this.errors=[],this.preview=!1,this.tagText="",this.storage?.saveDraft(null)}open(){this.openedAt===null&&(this.openedAt=Date.now(),this.persist())}persist(){this.storage?.saveDraft({fields:this.fields,openedAt:this.openedAt})}change(e,s){this.open(),this.fields={...this.fields,[e]:s};let r=Ps(this.fields);this.errors=[...this.errors.filter(n=>n.code!=="TOO_LONG"||n.field!==e),...r.filter(n=>n.field===e)],this.persist()}addTag(){let e=Be(`${this.fields.tags},${this.tagText}`);this.tagText="",this.change("tags",e.join(", "))}removeTag(e){this.change("tags",Be(this.fields.tags).filter(s=>s!==e).join(", "))}onTagKey(e){(e.key==="Enter"||e.key===",")&&!e.ctrlKey&&!e.metaKey&&(e.preventDefault(),this.tagText.trim()&&this.addTag())}onKey(e){e.key==="Enter"&&(e.ctrlKey||e.metaKey)&&(e.preventDefault(),this.submit())}submit(){if(this.busy)return;this.tagText.trim()&&this.addTag();let e=Ps(this.fields);if(this.fields.followUp&&!this.fields.dueAt&&e.push({field:"followUp.dueAt",code:"REQUIRED",message:"Choose a due date."}),this.fields.scope||e.push({field:"scope",code:"REQUIRED",message:"Choose a visibility."}),e.length){this.errors=e,this.focusFirstError();return}let s=this.openedAt===null?null:Math.max(0,Date.now()-this.openedAt);this.dispatchEvent(new CustomEvent("note-submit",{detail:{fields:this.fields,creationMs:s},bubbles:!0,composed:!0}))}async focusFirstError(){await this.updateComplete,this.renderRoot.querySelector('[aria-invalid="true"]')?.focus()}render(){let e=this.fields,s=c=>`${this.uid}-${c}`,r=c=>Tt(this.errors,c),n=this.errors.filter(c=>!["subject","body","category","type","scope","importance","tags"].includes(c.field??"")&&!(c.field??"").startsWith("followUp")),o=Be(e.tags);return g`
      <form
        aria-label=${this.heading}
        aria-busy=${this.busy?"true":"false"}
        @keydown=${this.onKey}
        @focusin=${()=>this.open()}
        @submit=${c=>{c.preventDefault(),this.submit()}}
      >
        ${this.textInput(s("subject"),"Subject","subject",r("subject"))}
        <label for=${s("body")}>Note (markdown)</label>
        <textarea
          id=${s("body")}
          .value=${e.body}
          aria-invalid=${r("body")?"true":"false"}
          aria-describedby=${r("body")?`${s("body")}-error`:`${s("body")}-hint`}
          @input=${c=>this.change("body",c.target.value)}
        ></textarea>
        ${r("body")?se(s("body"),r("body")):g`<p class="hint" id="${s("body")}-hint">
              Up to ${1e5.toLocaleString("en")} characters. Ctrl+Enter saves.
            </p>`}
        <div class="actions">
          <button
            type="button"
            aria-pressed=${this.preview?"true":"false"}
            @click=${()=>this.preview=!this.preview}
          >
            Preview
          </button>
        </div>
        ${this.preview?g`<section class="markdown" aria-label="Preview">
              ${_t(Ct(e.body))}
            </section>`:v}
        <div class="row">
          <div>
            ${We(s("category"),"Category",e.category,Cs,c=>this.change("category",c),r("category"))}
          </div>
          <div>
            ${We(s("type"),"Type",e.type,Os,c=>this.change("type",c),r("type"))}
          </div>
        </div>
        <div class="row">
          <div>
            ${We(s("scope"),"Visibility",e.scope,this.scopes,c=>this.change("scope",c),r("scope"))}
          </div>
          <div>
            ${We(s("importance"),"Importance",e.importance,bn,c=>this.change("importance",c),r("importance"))}
          </div>
        </div>
        <label for=${s("tag")}>Tags</label>
        <ul class="chips" aria-label="Tags on this note">
          ${o.map(c=>g`<li>
              ${c}
              <button type="button" aria-label="Remove tag ${c}" @click=${()=>this.removeTag(c)}>
                ×
              </button>
            </li>`)}
        </ul>
        <div class="row">
          <input
            id=${s("tag")}
            type="text"
            list=${s("tag-options")}
            autocomplete="off"
            .value=${this.tagText}
            aria-invalid=${r("tags")?"true":"false"}
            aria-describedby=${r("tags")?`${s("tag")}-error`:v}
            @input=${c=>this.tagText=c.target.value}
            @keydown=${this.onTagKey}
          />
          <button type="button" class="fit" @click=${()=>this.addTag()}>Add</button>
        </div>
        <datalist id=${s("tag-options")}>
          ${this.tagSuggestions.filter(c=>!o.includes(c)).map(c=>g`<option value=${c}></option>`)}
        </datalist>
        ${se(s("tag"),r("tags"))}
        <label class="check">
          <input
            type="checkbox"
            .checked=${e.pinned}
            @change=${c=>this.change("pinned",c.target.checked)}
          />
          Pin this note
        </label>
        ${this.allowFollowUp?this.followUp(s,r):v}
        ${n.map(c=>g`<p class="error" role="alert">${c.message}</p>`)}
        <div class="actions">
          <button class="primary" type="submit" ?disabled=${this.busy}>${this.submitLabel}</button>
          <slot name="actions"></slot>
          ${this.busy?g`<span role="status"><span class="spinner" aria-hidden="true"></span> Saving…</span>`:v}
        </div>
      </form>
    `}textInput(e,s,r,n){return g`
      <label for=${e}>${s}</label>
      <input
        id=${e}
        type="text"
        .value=${this.fields[r]}
        aria-invalid=${n?"true":"false"}
        aria-describedby=${n?`${e}-error`:v}
        @input=${o=>this.change(r,o.target.value)}
      />
      ${se(e,n)}
    `}followUp(e,s){let r=this.fields;return g`
      <label class="check">
        <input
          type="checkbox"
          .checked=${r.followUp}
          @change=${n=>{let o=n.target.checked;this.change("followUp",o),o&&!this.agents.found.length&&this.agents.search(this.agents.query)}}
        />
        Add a follow-up
      </label>
      ${r.followUp?g`<fieldset>
            <legend>Follow-up</legend>
            <label for=${e("assignee-find")}>Find assignee</label>
            <input
              id=${e("assignee-find")}
              type="search"
              autocomplete="off"
              aria-describedby=${e("assignee-found")}
              .value=${this.agents.query}
              @input=${n=>this.agents.search(n.target.value)}
            />
            <span id=${e("assignee-found")} class="hint" role="status">${this.agents.status}</span>
            <label for=${e("assignee")}>Assignee</label>
            <select
              id=${e("assignee")}
              aria-invalid=${s("followUp.assigneeId")?"true":"false"}
              aria-describedby=${s("followUp.assigneeId")?`${e("assignee")}-error`:v}
              @change=${n=>this.change("assigneeId",n.target.value)}
            >
              ${this.agents.choices(r.assigneeId,this.knownAgents).map(n=>g`<option value=${n.agentId} ?selected=${n.agentId===r.assigneeId}>
                  ${n.name}${n.agentId===this.knownAgents[0]?.agentId?" (me)":""}
                </option>`)}
            </select>
            ${se(e("assignee"),s("followUp.assigneeId"))}
            <label for=${e("due")}>Due</label>
            <input
              id=${e("due")}
              type="datetime-local"
              .value=${r.dueAt}
              aria-invalid=${s("followUp.dueAt")?"true":"false"}
              aria-describedby=${s("followUp.dueAt")?`${e("due")}-error`:v}
              @input=${n=>this.change("dueAt",n.target.value)}
            />
            ${se(e("due"),s("followUp.dueAt"))}
            <label for=${e("instructions")}>Instructions</label>
            <input
              id=${e("instructions")}
              type="text"
              .value=${r.instructions}
              @input=${n=>this.change("instructions",n.target.value)}
            />
          </fieldset>`:v}
    `}};B.styles=ce,m([_({attribute:!1})],B.prototype,"initial",2),m([_({attribute:!1})],B.prototype,"serverErrors",2),m([_({attribute:!1})],B.prototype,"scopes",2),m([_({attribute:!1})],B.prototype,"tagSuggestions",2),m([_({attribute:!1})],B.prototype,"storage",2),m([_({type:Boolean})],B.prototype,"busy",2),m([_()],B.prototype,"heading",2),m([_()],B.prototype,"submitLabel",2),m([_({type:Boolean})],B.prototype,"allowFollowUp",2),m([_({attribute:!1})],B.prototype,"findAgents",2),m([_({attribute:!1})],B.prototype,"knownAgents",2),m([k()],B.prototype,"fields",2),m([k()],B.prototype,"errors",2),m([k()],B.prototype,"preview",2),m([k()],B.prototype,"tagText",2),B=m([le("c360-note-form")],B);var Ic={amp:"&",lt:"<",gt:">",quot:'"',apos:"'"};function Cc(i){return i.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi,(t,e)=>{let s=e.toLowerCase();if(s.startsWith("#")){let r=s.startsWith("#x")?parseInt(s.slice(2),16):parseInt(s.slice(1),10);return r>0&&r<=1114111?String.fromCodePoint(r):t}return Ic[s]??t})}function Oc(i){let t=[],e=!1;for(let s of i.split(/(<\/?em>)/i)){let r=s.toLowerCase();r==="<em>"||r==="</em>"?e=r==="<em>":s&&t.push({text:Cc(s),marked:e})}return t}function yo(i){return g`${Oc(i).map(t=>t.marked?g`<em>${t.text}</em>`:t.text)}`}function $o(i){return i?[...i.subject,...i.body]:[]}function vo(i,t){let e={};for(let r of["subject","body","category","type","scope","importance"])t[r]!==i[r]&&(e[r]=t[r]);t.pinned!==i.pinned&&(e.pinned=t.pinned);let s=Be(t.tags);return s.join(`
`)!==i.tags.join(`
`)&&(e.tags=s),e}var wo=i=>`${new Date(i).toISOString().slice(0,16).replace("T"," ")} UTC`,Z=class extends j{constructor(){super(...arguments);this.scopes=[];this.tagSuggestions=[];this.canEdit=!1;this.canDelete=!1;this.mode="view";this.busy=!1;this.errors=[];this.history=[];this.mine=null;this.editing=null;this.theirs=null;this.message=""}willUpdate(e){let s=e.get("note");s&&s.id!==this.note.id&&(this.mode="view",this.history=[],this.errors=[],this.message="",this.mine=null,this.theirs=null,this.editing=null)}emit(e,s={}){this.dispatchEvent(new CustomEvent(e,{detail:s,bubbles:!0,composed:!0}))}async run(e){this.busy=!0,this.message="";try{return await e()}catch(s){s instanceof G&&this.emit("auth-needed"),this.message=s instanceof Error?s.message:String(s);return}finally{this.busy=!1}}async save(e,s){let r=vo(e,s),n={id:e.id,expectedVersion:e.version,...r},o=await this.run(()=>this.client.request(En,{input:n},["updateNote"]));if(!o)return;let{note:c,errors:l}=o.data.updateNote;if(c)this.note=c,this.mode="view",this.errors=[],this.emit("note-changed",{note:c});else if(l.some(h=>h.code==="CONFLICT")){let h=await this.run(()=>this.client.request(wn,{id:e.id}));this.mine=s,this.theirs=h?.data.note??null,this.mode="conflict"}else this.errors=l}async showHistory(){let e=this.note.id,s=await this.run(()=>this.client.request(kn,{id:e}));e===this.note.id&&(this.history=ot(s?.data.note?.history),this.mode="history")}async deleteNote(){let e=await this.run(()=>this.client.request(Tn,{input:{id:this.note.id}},["deleteNote"]));if(!e)return;let{errors:s}=e.data.deleteNote;if(s.length){this.message=s.map(r=>r.message).join(" ");return}this.mode="view",this.history=[],this.emit("note-deleted",{note:this.note})}async reapply(){if(!this.mine||!this.theirs)return;let e={...Pi(this.theirs)};for(let s of Object.keys(vo(this.note,this.mine)))Object.assign(e,{[s]:this.mine[s]});await this.save(this.theirs,e),this.mode==="view"&&(this.mine=null,this.theirs=null)}edit(){this.editing=Pi(this.note),this.errors=[],this.mode="edit"}keepTheirs(){this.theirs&&(this.note=this.theirs),this.mine=null,this.theirs=null,this.mode="view",this.emit("note-changed",{note:this.note})}render(){let e=this.note;return g`
      <article aria-labelledby="subject-${e.id}">
        <h3 id="subject-${e.id}">${e.pinned?g`<span aria-label="Pinned">📌 </span>`:v}${e.subject}</h3>
        <p class="hint">
          ${de(e.category)} · ${de(e.type)} · visible to ${de(e.scope)} ·
          ${de(e.importance)} importance · ${e.author?.name??"an agent"} · ${wo(e.createdAt)} · v${e.version}
        </p>
        ${e.tags.length?g`<ul class="chips" aria-label="Tags">${e.tags.map(s=>g`<li>${s}</li>`)}</ul>`:v}
        ${this.mode==="edit"?this.renderEdit():v}
        ${this.mode==="conflict"?this.renderConflict():v}
        ${this.mode==="view"||this.mode==="history"?g`<div class="markdown body">${_t(Ct(e.body))}</div>`:v}
        ${this.mode==="history"?this.renderHistory():v}
        ${this.message?g`<p class="error" role="alert">${this.message}</p>`:v}
        ${this.mode==="view"||this.mode==="history"?this.renderActions():v}
      </article>
    `}renderActions(){let e=this.note.subject;return g`<div class="actions">
      ${this.canEdit?g`<button type="button" aria-label="Edit ${e}" @click=${this.edit}>Edit</button>`:v}
      <button
        type="button"
        aria-label="History of ${e}"
        aria-expanded=${this.mode==="history"?"true":"false"}
        @click=${()=>this.mode==="history"?this.mode="view":this.showHistory()}
      >
        History
      </button>
      ${this.canDelete?g`<button type="button" class="danger" aria-label="Delete ${e}" ?disabled=${this.busy}
            @click=${this.deleteNote}>Delete</button>`:v}
    </div>`}renderEdit(){let e=this.scopes.includes(this.note.scope)?this.scopes:[this.note.scope,...this.scopes];return g`<c360-note-form
      heading="Edit note"
      submitLabel="Save changes"
      .initial=${this.editing}
      .scopes=${e}
      .tagSuggestions=${this.tagSuggestions}
      .serverErrors=${this.errors}
      ?busy=${this.busy}
      @note-submit=${s=>{s.stopPropagation(),this.save(this.note,s.detail.fields)}}
    >
      <button slot="actions" type="button" @click=${()=>this.mode="view"}>Cancel</button>
    </c360-note-form>`}renderConflict(){let e=this.mine,s=this.theirs;return g`<section class="status warn" role="alert" aria-label="Edit conflict">
      <p>
        Someone saved this note while you were editing it${s?g` (now version ${s.version})`:v}. Compare and choose.
      </p>
      <div class="row">
        <section aria-label="Your version">
          <h4>Your version</h4>
          <p><strong>${e.subject}</strong></p>
          <div class="markdown">${_t(Ct(e.body))}</div>
        </section>
        <section aria-label="Saved version">
          <h4>Saved version</h4>
          ${s?g`<p><strong>${s.subject}</strong></p>
                <div class="markdown">${_t(Ct(s.body))}</div>`:g`<p>The note is no longer available.</p>`}
        </section>
      </div>
      <div class="actions">
        <button class="primary" type="button" ?disabled=${this.busy||!s} @click=${this.reapply}>
          Reapply my changes
        </button>
        <button type="button" ?disabled=${!s} @click=${this.keepTheirs}>Keep saved version</button>
      </div>
    </section>`}renderHistory(){return g`<section aria-label="History">
      <h4>History</h4>
      ${this.history.length?g`<ol>
            ${this.history.map(e=>g`<li>
                v${e.version} by ${e.editor?.name??"an agent"}, ${wo(e.editedAt)}:
                ${e.changes.map(s=>g`<div><em>${s.field}</em>: ${JSON.stringify(s.before)} → ${JSON.stringify(s.after)}</div>`)}
              </li>`)}
          </ol>`:g`<p class="hint">Not edited since it was written.</p>`}
    </section>`}};Z.styles=ce,m([_({attribute:!1})],Z.prototype,"note",2),m([_({attribute:!1})],Z.prototype,"client",2),m([_({attribute:!1})],Z.prototype,"scopes",2),m([_({attribute:!1})],Z.prototype,"tagSuggestions",2),m([_({type:Boolean})],Z.prototype,"canEdit",2),m([_({type:Boolean})],Z.prototype,"canDelete",2),m([k()],Z.prototype,"mode",2),m([k()],Z.prototype,"busy",2),m([k()],Z.prototype,"errors",2),m([k()],Z.prototype,"history",2),m([k()],Z.prototype,"mine",2),m([k()],Z.prototype,"theirs",2),m([k()],Z.prototype,"message",2),Z=m([le("c360-note-card")],Z);function Ao(i,t){if(!i)return null;let e=new Date(`${i}T00:00:00`);return Number.isNaN(e.getTime())?null:new Date(e.getTime()+(t?86399999:0)).toISOString()}var L=class extends j{constructor(){super(...arguments);this.customerId="";this.scopes=[];this.pending=[];this.me=null;this.notes=[];this.customerTags=[];this.controlledTags=[];this.loading=!1;this.failure="";this.category="";this.type="";this.tag="";this.query="";this.searched="";this.fromDay="";this.toDay="";this.range={from:"",to:""};this.rangeError="";this.highlights=new Map;this.deleted=[];this.notice="";this.total=0;this.next=null;this.loadingMore=!1;this.ticket=0}get tagSuggestions(){let e=[...this.controlledTags,...this.customerTags,...this.notes.flatMap(s=>s.tags)];return[...new Set(e)].sort()}connectedCallback(){super.connectedCallback(),this.load()}async load(){let e=++this.ticket;this.loading=!0,this.failure="";try{if(this.searched){let{data:s}=await this.client.request(Ni,this.searchVariables(null),["searchNotes"]);if(e!==this.ticket)return;this.keepHighlights(s.searchNotes,!1),this.showPage(s.searchNotes,!1)}else{let{data:s}=await this.client.request($n,this.listVariables(),["controlledTags"]);if(e!==this.ticket)return;this.highlights=new Map,this.showPage(s.customer?.notes??null,!1),this.customerTags=s.customer?.tags?ot(s.customer.tags):this.customerTags,this.controlledTags=s.controlledTags.map(r=>r.tag),s.customer||(this.failure="This customer is not available to you.")}this.dispatchEvent(new CustomEvent("notes-loaded",{bubbles:!0,composed:!0}))}catch(s){s instanceof G&&this.dispatchEvent(new CustomEvent("auth-needed",{bubbles:!0,composed:!0})),this.failure=`Notes could not be loaded: ${s instanceof Error?s.message:s}`}finally{e===this.ticket&&(this.loading=!1)}}noteFilter(){return{category:this.category||null,type:this.type||null,tags:this.tag?[this.tag]:null,from:Ao(this.range.from,!1),to:Ao(this.range.to,!0)}}keepHighlights(e,s){let r=new Map(s?this.highlights:[]);for(let n of e.edges)r.set(n.node.id,n.highlights);this.highlights=r}submitSearch(){if(this.fromDay&&this.toDay&&this.fromDay>this.toDay){this.rangeError="The “From” date is after the “To” date.",this.updateComplete.then(()=>this.renderRoot.querySelector("#search-from")?.focus());return}this.rangeError="",this.searched=this.query.trim(),this.range={from:this.fromDay,to:this.toDay},this.load()}clearSearch(){this.query="",this.searched="",this.fromDay="",this.toDay="",this.rangeError="",this.range={from:"",to:""},this.load()}get rangeText(){let{from:e,to:s}=this.range;return`${e?` from ${e}`:""}${s?` to ${s}`:""}`}listVariables(){return{id:this.customerId,filter:this.noteFilter(),first:25}}searchVariables(e){return{query:this.searched,filter:{...this.noteFilter(),customerId:this.customerId},first:25,after:e}}showPage(e,s){let r=ot(e);this.notes=s?[...this.notes,...r.filter(n=>!this.notes.some(o=>o.id===n.id))]:r,this.total=e?.totalCount??this.notes.length,this.next=e?.pageInfo?.hasNextPage?e.pageInfo.endCursor:null}async loadMore(){let e=this.next;if(!e||this.loadingMore)return;let s=this.ticket;this.loadingMore=!0,this.failure="";try{if(this.searched){let{data:n}=await this.client.request(Ni,this.searchVariables(e),["searchNotes"]);if(s!==this.ticket)return;this.keepHighlights(n.searchNotes,!0),this.showPage(n.searchNotes,!0)}else{let{data:n}=await this.client.request(vn,{...this.listVariables(),after:e});if(s!==this.ticket)return;this.showPage(n.customer?.notes??null,!0)}await this.updateComplete,(this.renderRoot.querySelector("#load-more")??this.renderRoot.querySelector("ul.notes"))?.focus()}catch(r){r instanceof G&&this.dispatchEvent(new CustomEvent("auth-needed",{bubbles:!0,composed:!0})),this.failure=`More notes could not be loaded: ${r instanceof Error?r.message:r}`}finally{this.loadingMore=!1}}async restore(e){try{let{data:s}=await this.client.request(xn,{input:{id:e.id}},["restoreNote"]);s.restoreNote.note?(this.deleted=this.deleted.filter(r=>r.id!==e.id),this.notice=`Restored “${e.subject}”.`,await this.load()):this.notice=s.restoreNote.errors.map(r=>r.message).join(" ")}catch(s){this.notice=`Restore failed: ${s instanceof Error?s.message:s}`}}filterSelect(e,s,r,n,o,c=!0){return g`<div>
      <label for=${e}>${s}</label>
      <select id=${e} @change=${l=>{o(l.target.value),this.load()}}>
        <option value="" ?selected=${r===""}>All</option>
        ${n.map(l=>g`<option value=${l} ?selected=${l===r}>${c?de(l):l}</option>`)}
      </select>
    </div>`}render(){return g`
      <section aria-label="Notes">
        <form role="search" aria-label="Search notes" @submit=${e=>{e.preventDefault(),this.submitSearch()}}>
          <label for="search">Search notes</label>
          <div class="row">
            <input id="search" type="search" .value=${this.query}
              @input=${e=>this.query=e.target.value} />
            <button type="submit" class="fit">Search</button>
            ${this.searched||this.range.from||this.range.to?g`<button type="button" class="fit" @click=${this.clearSearch}>Clear</button>`:v}
          </div>
          <div class="row">
            <div>
              <label for="search-from">From date</label>
              <input id="search-from" type="date" .value=${this.fromDay}
                aria-invalid=${this.rangeError?"true":"false"}
                aria-describedby=${this.rangeError?"range-error":v}
                @input=${e=>this.fromDay=e.target.value} />
            </div>
            <div>
              <label for="search-to">To date</label>
              <input id="search-to" type="date" .value=${this.toDay}
                @input=${e=>this.toDay=e.target.value} />
            </div>
          </div>
          ${this.rangeError?g`<p id="range-error" class="error" role="alert">${this.rangeError}</p>`:v}
        </form>
        <div class="row">
          ${this.filterSelect("filter-category","Category",this.category,Cs,e=>this.category=e)}
          ${this.filterSelect("filter-type","Type",this.type,Os,e=>this.type=e)}
          ${this.filterSelect("filter-tag","Tag",this.tag,this.tagSuggestions,e=>this.tag=e,!1)}
        </div>
        ${this.renderPending()}
        ${this.notice?g`<p class="status" role="status">${this.notice}</p>`:v}
        ${this.deleted.map(e=>g`<p class="status">
            Deleted “${e.subject}”.
            <button type="button" @click=${()=>this.restore(e)}>Restore “${e.subject}”</button>
          </p>`)}
        ${this.failure?g`<p class="error" role="alert">${this.failure}</p>`:v}
        <p class="hint" role="status">
          ${this.loading?g`<span class="spinner" aria-hidden="true"></span> Loading notes…`:`${this.next?`${this.notes.length} of ${this.total}`:this.total} note${this.total===1?"":"s"}${this.searched?` matching “${this.searched}”`:""}${this.rangeText}`}
        </p>
        <ul class="notes" aria-label="Notes list" tabindex="-1">
          ${qt(this.notes,e=>e.id,e=>g`<li>
              <c360-note-card
                .note=${e}
                .client=${this.client}
                .scopes=${this.scopes}
                .tagSuggestions=${this.tagSuggestions}
                ?canEdit=${Li(this.me,"edit",e)}
                ?canDelete=${Li(this.me,"delete",e)}
                @note-changed=${()=>{this.load()}}
                @note-deleted=${s=>{this.deleted=[...this.deleted,s.detail.note],this.notice="",this.load()}}
              ></c360-note-card>
              ${this.renderMatches(e)}
            </li>`)}
        </ul>
        ${this.next?g`<button type="button" id="load-more" ?disabled=${this.loadingMore}
              aria-describedby="notes-shown" @click=${()=>{this.loadMore()}}>
              ${this.loadingMore?"Loading more notes…":`Load more notes (${this.total-this.notes.length} more)`}
            </button>
            <span id="notes-shown" class="hint">${this.notes.length} of ${this.total} shown</span>`:v}
      </section>
    `}renderMatches(e){let s=$o(this.highlights.get(e.id));return s.length?g`<p class="matches hint">
      Matches in “${e.subject}”:
      ${s.map((r,n)=>g`${n?" … ":""}${yo(r)}`)}
    </p>`:v}renderPending(){return this.pending.length?g`<section class="status warn" aria-label="Waiting to send">
      <p>
        ${this.pending.length} note${this.pending.length===1?"":"s"} waiting for the
        gateway; kept on this device and retried automatically.
      </p>
      <ul>
        ${this.pending.map(e=>g`<li>${String(e.input.subject??"")}
          (${e.attempts} ${e.attempts===1?"retry":"retries"})</li>`)}
      </ul>
    </section>`:v}};L.styles=ce,m([_({attribute:!1})],L.prototype,"client",2),m([_()],L.prototype,"customerId",2),m([_({attribute:!1})],L.prototype,"scopes",2),m([_({attribute:!1})],L.prototype,"pending",2),m([_({attribute:!1})],L.prototype,"me",2),m([k()],L.prototype,"notes",2),m([k()],L.prototype,"customerTags",2),m([k()],L.prototype,"controlledTags",2),m([k()],L.prototype,"loading",2),m([k()],L.prototype,"failure",2),m([k()],L.prototype,"category",2),m([k()],L.prototype,"type",2),m([k()],L.prototype,"tag",2),m([k()],L.prototype,"query",2),m([k()],L.prototype,"searched",2),m([k()],L.prototype,"fromDay",2),m([k()],L.prototype,"toDay",2),m([k()],L.prototype,"range",2),m([k()],L.prototype,"rangeError",2),m([k()],L.prototype,"highlights",2),m([k()],L.prototype,"deleted",2),m([k()],L.prototype,"notice",2),m([k()],L.prototype,"total",2),m([k()],L.prototype,"next",2),m([k()],L.prototype,"loadingMore",2),L=m([le("c360-notes-panel")],L);function Eo(i,t,e,s){return g`<div class="duplicates" role="group" aria-label="Possible duplicate">
    <p>This note looks like ${i.length===1?"a recent note":"recent notes"} of this
      customer:</p>
    <ul aria-label="Similar notes">
      ${i.map(r=>g`<li>
          <strong>${r.note.subject}</strong>
          <span class="hint">${r.note.author?.name??"Someone"},
            ${new Date(r.note.createdAt).toLocaleString()} ·
            ${Math.round(r.similarity*100)}% alike</span>
        </li>`)}
    </ul>
    <button class="primary" ?disabled=${t} @click=${e}>Save anyway</button>
    <button ?disabled=${t} @click=${s}>Cancel</button>
  </div>`}var or=[1e3,2e3,4e3,8e3,15e3];async function ar(i,t){try{let{data:e,errors:s}=await i.request(An,{input:t},["createNote"]),r=e.createNote;return r.note?{kind:"saved",note:r.note}:r.errors.some(o=>o.code==="DUPLICATE_SUSPECTED")?{kind:"duplicate",errors:r.errors,duplicates:r.duplicates??[]}:r.errors.length?{kind:"invalid",errors:r.errors}:{kind:"invalid",errors:[{field:null,code:"INVALID",message:s.map(o=>o.message).join("; ")||"the note was not saved"}]}}catch(e){return e instanceof G?{kind:"auth"}:e instanceof nt?{kind:"offline",reason:e.message}:{kind:"invalid",errors:[{field:null,code:"INVALID",message:e instanceof Error?e.message:String(e)}]}}}var Vs=class{constructor(t,e,s){this.storage=t;this.client=e;this.events=s;this.flushing=!1;this.online=()=>{this.flush()}}get items(){return this.storage.pending()}start(){window.addEventListener("online",this.online),this.items.length&&this.schedule(0)}stop(){window.removeEventListener("online",this.online),window.clearTimeout(this.timer)}add(t){let e=`${Date.now().toString(36)}-${Math.random().toString(36).slice(2,8)}`;this.storage.savePending([...this.items,{key:e,input:t,queuedAt:Date.now(),attempts:0}]),this.events.changed(),this.schedule(or[0])}discard(t){this.storage.savePending(this.items.filter(e=>e.key!==t)),this.events.changed()}schedule(t){window.clearTimeout(this.timer),this.timer=window.setTimeout(()=>{this.flush()},t)}async flush(){if(!this.flushing){this.flushing=!0;try{for(let t of this.items){let e=await ar(this.client,t.input);if(e.kind==="offline"){let s=t.attempts+1;this.storage.savePending(this.items.map(r=>r.key===t.key?{...r,attempts:s}:r)),this.events.changed(),this.schedule(or[Math.min(s,or.length-1)]);return}if(e.kind==="auth"){this.events.authNeeded();return}this.storage.savePending(this.items.filter(s=>s.key!==t.key)),e.kind==="saved"?this.events.saved(e.note):this.events.rejected(t,e.errors),this.events.changed()}}finally{this.flushing=!1}}}};function lr(i){return JSON.stringify([i.subject,[...i.roles].sort(),i.permissions])}function To(i){let t=i.split(".")[1];if(!t)return null;try{let e=atob(t.replaceAll("-","+").replaceAll("_","/")),s=JSON.parse(e);return typeof s.sub=="string"?s.sub:null}catch{return null}}var Lc="c360-notes";function xo(i){try{let t=localStorage.getItem(i);return t===null?null:JSON.parse(t)}catch{return null}}function _o(i,t){try{return t===null?localStorage.removeItem(i):localStorage.setItem(i,JSON.stringify(t)),!0}catch{return!1}}var Ks=class{constructor(t,e=""){this.customerId=t;this.subject=e}key(t){return`${Lc}:${t}:${this.subject}:${this.customerId}`}loadDraft(){return xo(this.key("draft"))}saveDraft(t){return _o(this.key("draft"),t)}pending(){return xo(this.key("pending"))??[]}savePending(t){_o(this.key("pending"),t.length?t:null)}};function Pc(){let i=crypto.getRandomValues(new Uint8Array(16));return Array.from(i,t=>t.toString(16).padStart(2,"0")).join("")}function Nc(i,t,e){return{idempotencyKey:Pc(),customerId:i,subject:t.subject,body:t.body,category:t.category,type:t.type,scope:t.scope,importance:t.importance,pinned:t.pinned,tags:Be(t.tags),creationMs:e,followUp:t.followUp?{assigneeId:t.assigneeId,dueAt:new Date(t.dueAt).toISOString(),instructions:t.instructions||null}:null}}var ee=class extends j{constructor(){super(...arguments);this.customerId="";this.endpoint="/graphql";this.token="";this.me=null;this.tab="notes";this.status="";this.warn=!1;this.busy=!1;this.createErrors=[];this.pending=[];this.suspected=null;this.checking=!1;this.generation=0;this.meTicket=0;this.waitingForToken=!1;this.resubmit=!1;this.client=new Wt(this.endpoint,()=>this.token);this.storage=null;this.queue=null;this.blank=null;this.findAgents=async e=>{let{data:s}=await this.client.request(xt,{query:e||null});return s.agents?.edges.map(r=>r.node)??[]};this.storageSubject=""}connectedCallback(){super.connectedCallback(),this.init()}init(){this.queue?.stop(),this.client=new Wt(this.endpoint,()=>this.token),this.storageSubject=this.me?.subject??"",this.storage=new Ks(this.customerId,this.storageSubject),this.queue=new Vs(this.storage,this.client,{saved:e=>{this.say(`Saved “${e.subject}” (it was waiting for the gateway).`),this.panel?.load()},rejected:(e,s)=>this.say(`A waiting note was refused: ${s.map(r=>r.message).join(" ")}`,!0),authNeeded:()=>this.requestToken(),changed:()=>this.pending=this.queue?.items??[]}),this.pending=this.queue.items}disconnectedCallback(){super.disconnectedCallback(),this.queue?.stop()}willUpdate(e){let s=["customerId","endpoint"].some(r=>e.get(r)!==void 0);this.isConnected&&s&&(this.init(),this.me&&this.queue?.start()),e.has("token")&&this.me&&this.token&&To(this.token)!==this.me.subject&&(this.checking=!0)}updated(e){e.has("token")&&this.token&&this.start()}blankFields(e){return(this.blank?.scope!==e||this.blank.assigneeId!==this.me?.subject)&&(this.blank=Ls(e,this.me?.subject??"")),this.blank}get form(){return this.renderRoot.querySelector("c360-note-form")}get panel(){return this.renderRoot.querySelector("c360-notes-panel")}say(e,s=!1){this.status=e,this.warn=s}async start(){let e=++this.meTicket,s=this.waitingForToken;this.waitingForToken=!1;let r;try{r=(await this.client.request(yn,{},["me"])).data.me}catch(o){if(e!==this.meTicket)return;if(o instanceof G)return this.requestToken();let c=o instanceof Error?o.message:String(o);this.say(`The notes service is unreachable (${c}); trying again…`,!0),window.setTimeout(()=>{e===this.meTicket&&this.start()},3e3);return}if(e!==this.meTicket)return;let n=this.me;if(this.me=r,this.checking=!1,n&&lr(n)!==lr(r)){this.switchPrincipal();return}(!n||this.storageSubject!==r.subject)&&this.init(),this.queue?.start(),s&&(this.say("Signed in again."),this.panel?.load(),this.resubmit&&(this.resubmit=!1,await this.updateComplete,this.form?.submit()))}switchPrincipal(){this.generation+=1,this.blank=null,this.createErrors=[],this.suspected=null,this.resubmit=!1,this.busy=!1,this.init(),this.queue?.start(),this.say(`Signed in as ${this.me?.agent?.name??this.me?.subject??"someone else"}.`)}requestToken(){this.say("Your session has expired. Your draft is kept; waiting for a new sign-in…",!0),!this.waitingForToken&&(this.waitingForToken=!0,this.dispatchEvent(new CustomEvent("token-expired",{detail:{customerId:this.customerId},bubbles:!0,composed:!0})))}async onSubmit(e){if(this.busy||!this.queue)return;let{fields:s,creationMs:r}=e.detail,n=Nc(Ms(this.customerId),s,r);await this.send(n,s,r)}async saveAnyway(){let e=this.suspected;this.busy||!e||await this.send({...e.input,allowDuplicate:!0},e.fields,e.creationMs)}cancelDuplicate(){this.suspected=null,this.say("Not saved. Your draft is kept.")}async send(e,s,r){if(!this.queue)return;this.busy=!0,this.say("");let n=await ar(this.client,e);this.busy=!1,this.suspected=null;let o=Ls(s.scope,this.me?.subject??"");switch(n.kind){case"saved":this.createErrors=[],this.form?.reset(o),this.say(`Saved “${n.note.subject}”.`),this.dispatchEvent(new CustomEvent("note-saved",{detail:{note:n.note,creationMs:r},bubbles:!0,composed:!0})),this.panel?.load();return;case"duplicate":this.createErrors=[],this.suspected={input:e,fields:s,creationMs:r,duplicates:n.duplicates},this.say("Not saved yet: this looks like a note already written.",!0);return;case"invalid":this.createErrors=n.errors,this.say("The note was not saved: see the highlighted fields.",!0),this.form?.focusFirstError();return;case"offline":this.queue.add(e),this.form?.reset(o),this.say("The gateway is unreachable. Your note is kept and will be sent automatically.",!0);return;case"auth":this.resubmit=!0,this.requestToken();return}}selectTab(e,s=!1){this.tab=e,s&&this.updateComplete.then(()=>this.renderRoot.querySelector(`#tab-${e}`)?.focus())}onTabKey(e){["ArrowLeft","ArrowRight","Home","End"].includes(e.key)&&(e.preventDefault(),this.selectTab(this.tab==="notes"?"activity":"notes",!0))}render(){let e=this.me?.permissions.writableScopes??[],s=(r,n)=>g`<button
      role="tab"
      id="tab-${r}"
      aria-selected=${this.tab===r?"true":"false"}
      aria-controls="panel-${r}"
      tabindex=${this.tab===r?0:-1}
      @click=${()=>this.selectTab(r)}
      @keydown=${this.onTabKey}
    >${n}</button>`;return g`
      <section class="sidebar" aria-labelledby="notes-title">
        <h2 id="notes-title">Customer notes</h2>
        <div role="status" class=${this.status?`status${this.warn?" warn":""}`:""}>${this.status}</div>
        ${this.checking?g`<p class="hint">Checking the new sign-in…</p>`:v}
        ${this.me?g`<div ?hidden=${this.checking}>${this.renderTabs(s,e)}</div>`:g`<p class="hint">Connecting to the notes service…</p>`}
      </section>
    `}get viewKey(){return`${this.customerId}|${this.generation}`}renderTabs(e,s){let r=s.includes("INTERNAL")?"INTERNAL":s[0]??"";return g`
      <div role="tablist" aria-label="Sidebar sections">
        ${e("notes","Notes")} ${e("activity","Interactions & follow-ups")}
      </div>
      <div role="tabpanel" id="panel-notes" aria-labelledby="tab-notes" ?hidden=${this.tab!=="notes"}>
        ${this.suspected?Eo(this.suspected.duplicates,this.busy,()=>{this.saveAnyway()},()=>this.cancelDuplicate()):v}
        ${s.length?_s(this.viewKey,g`<c360-note-form
              .initial=${this.blankFields(r)}
              .scopes=${s}
              .storage=${this.storage}
              .serverErrors=${this.createErrors}
              .tagSuggestions=${this.panel?.tagSuggestions??[]}
              ?busy=${this.busy}
              allowFollowUp
              .findAgents=${this.findAgents}
              .knownAgents=${this.me?.agent?[this.me.agent]:[]}
              @note-submit=${this.onSubmit}
            ></c360-note-form>`):g`<p class="hint">You can read this customer's notes but not write them.</p>`}
        ${_s(this.viewKey,g`<c360-notes-panel
          .client=${this.client}
          .customerId=${Ms(this.customerId)}
          .scopes=${s}
          .pending=${this.pending}
          .me=${this.me}
          @auth-needed=${()=>this.requestToken()}
          @notes-loaded=${()=>this.requestUpdate()}
        ></c360-notes-panel>`)}
      </div>
      <div role="tabpanel" id="panel-activity" aria-labelledby="tab-activity" ?hidden=${this.tab!=="activity"}>
        ${this.tab==="activity"?_s(this.viewKey,g`<c360-activity .client=${this.client}
              .customerId=${Ms(this.customerId)}
              @auth-needed=${()=>this.requestToken()}></c360-activity>`):v}
      </div>
    `}};ee.styles=ce,m([_({attribute:"customer-id"})],ee.prototype,"customerId",2),m([_()],ee.prototype,"endpoint",2),m([_({attribute:!1})],ee.prototype,"token",2),m([k()],ee.prototype,"me",2),m([k()],ee.prototype,"tab",2),m([k()],ee.prototype,"status",2),m([k()],ee.prototype,"warn",2),m([k()],ee.prototype,"busy",2),m([k()],ee.prototype,"createErrors",2),m([k()],ee.prototype,"pending",2),m([k()],ee.prototype,"suspected",2),m([k()],ee.prototype,"checking",2),ee=m([le("customer-notes")],ee);
/*! Bundled license information:

@lit/reactive-element/css-tag.js:
  (**
   * @license
   * Copyright 2019 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

@lit/reactive-element/reactive-element.js:
lit-html/lit-html.js:
lit-element/lit-element.js:
@lit/reactive-element/decorators/custom-element.js:
@lit/reactive-element/decorators/property.js:
@lit/reactive-element/decorators/state.js:
@lit/reactive-element/decorators/event-options.js:
@lit/reactive-element/decorators/base.js:
@lit/reactive-element/decorators/query.js:
@lit/reactive-element/decorators/query-all.js:
@lit/reactive-element/decorators/query-async.js:
@lit/reactive-element/decorators/query-assigned-nodes.js:
lit-html/directive.js:
lit-html/directives/repeat.js:
lit-html/directives/unsafe-html.js:
  (**
   * @license
   * Copyright 2017 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

lit-html/is-server.js:
  (**
   * @license
   * Copyright 2022 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

@lit/reactive-element/decorators/query-assigned-elements.js:
lit-html/directives/keyed.js:
  (**
   * @license
   * Copyright 2021 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

lit-html/directive-helpers.js:
  (**
   * @license
   * Copyright 2020 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

dompurify/dist/purify.es.mjs:
  (*! @license DOMPurify 3.4.18 | (c) Cure53 and other contributors | Released under the Apache license 2.0 and Mozilla Public License 2.0 | github.com/cure53/DOMPurify/blob/3.4.18/LICENSE *)
  (*! regenerator-runtime -- Copyright (c) 2014-present, Facebook, Inc. -- license (MIT): https://github.com/babel/babel/blob/main/packages/babel-helpers/LICENSE *)
*/
